import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbsentEndpoints } from '../../../../src/harness/drivers/emulator/absent-endpoints.ts';
import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import { ControlProtocolError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// An emulator whose control protocol lacks machines (404) and whose clock fails now and then (500);
// it counts the calls it gets.
async function halfBuilt() {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    if (req.url === '/_emulator/machines') res.writeHead(404).end('{"error":"not here"}');
    else res.writeHead(500).end('{"error":"try again"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((done) => server.close(() => done())) };
}

// Two workers of one run: each its own client, the run's memory shared through its results directory.
function workers(url: string, dir: string, skipped: ControlProtocolError[]) {
  const client = () =>
    new ControlClient(
      url,
      2_000,
      undefined,
      new AbsentEndpoints(dir, 'run-1', 'emulator', (e) => skipped.push(e)),
    );
  return [client(), client()] as const;
}

test('a control endpoint an emulator lacks is asked once a run: later tests, in any worker, end skipped without asking', async () => {
  const stand = await halfBuilt();
  const skipped: ControlProtocolError[] = [];
  try {
    const [first, second] = workers(stand.url, tempDir('absent-'), skipped);
    const told = await first.registerMachine({ machineId: 'm' } as never).catch((e) => e);
    expect(told).toBeInstanceOf(ControlProtocolError);
    expect(told.remembered).toBe(false);
    expect(skipped).toHaveLength(0);
    const known = await second.registerMachine({ machineId: 'm' } as never).catch((e) => e);
    expect(known).toBeInstanceOf(ControlProtocolError);
    expect(known.message).toBe(told.message);
    expect(skipped).toEqual([known]);
    expect(stand.calls.filter((c) => c === 'POST /_emulator/machines')).toHaveLength(1);
    // No verdict, blamed on the target (the same line twice is one finding).
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
    // A 500 may pass: asked again every time, never skipped.
    await expect(first.clock()).rejects.toBeInstanceOf(ControlProtocolError);
    await expect(second.clock()).rejects.toBeInstanceOf(ControlProtocolError);
    expect(stand.calls.filter((c) => c === 'GET /_emulator/clock')).toHaveLength(2);
    expect(skipped).toHaveLength(1);
    takeNoVerdicts();
  } finally {
    await stand.close();
  }
});

test('an emulator that stopped (connection refused) is asked once a run; another run asks again', async () => {
  const stand = await halfBuilt();
  await stand.close();
  const dir = tempDir('absent-');
  const skipped: ControlProtocolError[] = [];
  const [first, second] = workers(stand.url, dir, skipped);
  const told = await first.clock().catch((e) => e);
  expect(told.message).toContain('connection refused');
  // Any endpoint of that origin is then known to be gone.
  const known = await second.registerApp({ clientId: 'a' } as never).catch((e) => e);
  expect(known.remembered).toBe(true);
  expect(skipped).toEqual([known]);
  const nextRun = new ControlClient(
    stand.url,
    2_000,
    undefined,
    new AbsentEndpoints(dir, 'run-2', 'emulator', (e) => skipped.push(e)),
  );
  expect((await nextRun.clock().catch((e) => e)).remembered).toBe(false);
  takeNoVerdicts();
});

test("one slot's stopped emulator is not another slot's: a worker whose emulator listens still asks it", async () => {
  const gone = await halfBuilt();
  await gone.close();
  const live = await halfBuilt();
  const dir = tempDir('absent-');
  const skipped: ControlProtocolError[] = [];
  // One target with an emulator per worker slot: the same run and target name, two origins.
  const slot = (url: string) =>
    new ControlClient(
      url,
      2_000,
      undefined,
      new AbsentEndpoints(dir, 'run-1', 'emulator', (e) => skipped.push(e)),
    );
  try {
    expect(
      (
        await slot(gone.url)
          .clock()
          .catch((e) => e)
      ).message,
    ).toContain('connection refused');
    const asked = await slot(live.url)
      .clock()
      .catch((e) => e);
    expect(asked.remembered).toBe(false);
    expect(live.calls).toEqual(['GET /_emulator/clock']);
    expect(skipped).toHaveLength(0);
    takeNoVerdicts();
  } finally {
    await live.close();
  }
});
