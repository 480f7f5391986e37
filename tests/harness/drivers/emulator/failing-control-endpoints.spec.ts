import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbsentEndpoints } from '../../../../src/harness/drivers/emulator/absent-endpoints.ts';
import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import type { ControlProtocolError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A control endpoint that fails every time (500, or no answer in time): asked again by every test that
// needed it, it failed 52 tests one by one against a proxy answering 500 to /_emulator/machines, and
// one that never answers would cost each of them MDE_REQUEST_TIMEOUT_SECONDS. A failure may pass, so
// one is asked again; three in a row at one endpoint, in any worker, are remembered as the endpoint's.
async function failing(answers: number[]) {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    const status = answers[calls++] ?? 500;
    if (status === 0) return; // no answer
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(status === 201 ? '{}' : '{"error":"db down"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls: () => calls,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const MACHINE = { tenantId: 't', id: 'm', computerDnsName: 'm' };
function workers(url: string, skipped: ControlProtocolError[], timeoutMs = 3_000) {
  const dir = tempDir('failing-');
  return () =>
    new ControlClient(
      url,
      timeoutMs,
      undefined,
      new AbsentEndpoints(dir, 'run-1', 'emulator', (e) => skipped.push(e)),
    );
}

test('an endpoint that answered 500 three times in a row is not asked again this run', async () => {
  const stand = await failing([]);
  const skipped: ControlProtocolError[] = [];
  const worker = workers(stand.url, skipped);
  try {
    for (let i = 0; i < 3; i++) {
      const told = await worker()
        .registerMachine(MACHINE)
        .catch((e) => e);
      expect(told.message).toContain('/_emulator/machines answered 500: expected 201');
      expect(told.remembered).toBe(false);
    }
    const known = await worker()
      .registerMachine(MACHINE)
      .catch((e) => e);
    expect(known.remembered).toBe(true);
    expect(known.message).toContain('(3 times in a row)');
    expect(skipped).toEqual([known]);
    expect(stand.calls()).toBe(3);
    takeNoVerdicts();
  } finally {
    await stand.close();
  }
});

test('an endpoint that fails now and then is always asked again', async () => {
  const stand = await failing([500, 500, 201, 500, 500, 201, 500, 500]);
  const skipped: ControlProtocolError[] = [];
  const worker = workers(stand.url, skipped);
  try {
    for (let i = 0; i < 8; i++)
      await worker()
        .registerMachine(MACHINE)
        .catch(() => undefined);
    expect(stand.calls()).toBe(8);
    expect(skipped).toEqual([]);
    takeNoVerdicts();
  } finally {
    await stand.close();
  }
});

test('an endpoint that never answers costs three waits a run, not one per test', async () => {
  const stand = await failing([0, 0, 0, 0]);
  const skipped: ControlProtocolError[] = [];
  const worker = workers(stand.url, skipped, 100);
  try {
    for (let i = 0; i < 3; i++)
      expect(
        (
          await worker()
            .registerMachine(MACHINE)
            .catch((e) => e)
        ).message,
      ).toContain('did not answer');
    const known = await worker()
      .registerMachine(MACHINE)
      .catch((e) => e);
    expect(known.remembered).toBe(true);
    expect(stand.calls()).toBe(3);
    takeNoVerdicts();
  } finally {
    await stand.close();
  }
});
