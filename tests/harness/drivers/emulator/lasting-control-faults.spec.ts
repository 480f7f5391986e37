import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbsentEndpoints } from '../../../../src/harness/drivers/emulator/absent-endpoints.ts';
import { createEmulatorRuntime } from '../../../../src/harness/drivers/emulator/emulator-runtime.ts';
import { ControlProtocolError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';

test.afterEach(removeTempDirs);

// Emulators whose control protocol answers 2xx but does not do what it says: a clock that does not move
// when advanced, a seed answered 201 with no action, a seed answered 201 whose action the API does not
// know. Run against a proxy in front of the reference emulator, each failed every test that needed it
// (27 to 52 of them, 1.3 min, a Playwright worker each), and a seed the API did not know failed
// CANCEL.OK, CANCEL.STATUS, CANCEL.PERSIST, PERM.ROLES and SCHEMA.ENTITY (exit 1): the API was blamed for
// the control protocol's fault.
interface Stand {
  moves: boolean;
  seedId: boolean;
  apiKnowsSeed: boolean;
}
async function standIn(options: Stand) {
  const calls: string[] = [];
  let now = Date.parse('2026-03-02T10:00:00Z');
  const stand = await jsonStandIn(({ method, path, body, json }) => {
    calls.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, '{id}')}`);
    if (path === '/_emulator/clock/advance' && options.moves) now += JSON.parse(body).seconds * 1000;
    if (path.startsWith('/_emulator/clock')) return json(200, { now: new Date(now).toISOString() });
    if (path === '/_emulator/machineactions') {
      const seed = JSON.parse(body);
      return json(201, options.seedId ? { ...seed, id: '6f0c4b5e-2d3a-4e1f-9a8b-7c6d5e4f3a2b' } : undefined);
    }
    if (path.startsWith('/_emulator/')) return json(201, {});
    if (path.endsWith('/oauth2/v2.0/token'))
      return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'opaque-token' });
    const id = path.match(/^\/api\/machineactions\/([^/]+)$/)?.[1];
    if (id && options.apiKnowsSeed) return json(200, { id, status: 'Succeeded' });
    return json(404, { error: { code: 'NotFound', message: 'no such action' } });
  });
  return { url: stand.url, calls, close: stand.close };
}

// Two workers of one run, each its own driver, the run's memory shared through its results directory.
function worker(url: string, dir: string, skipped: ControlProtocolError[]) {
  const absent = new AbsentEndpoints(dir, 'run-1', 'emulator', (e) => skipped.push(e));
  const spec = { mode: 'emulator' as const, apiBaseUrl: url };
  const http = { request: () => Promise.reject(new Error('loopback only')), timeoutMs: 3_000 };
  const options = { spec, http, apiBaseUrl: url, authBaseUrl: url, controlBaseUrl: url, runId: 'r', absent };
  return createEmulatorRuntime(options).newDriver();
}

// Another worker of the run then skips its seed without asking: the run's one seed call told it.
async function expectSeedToldOnce(
  stand: { url: string; calls: string[] },
  dir: string,
  skipped: ControlProtocolError[],
): Promise<void> {
  const known = await worker(stand.url, dir, skipped)
    .activeAction()
    .catch((e) => e);
  expect(known.remembered).toBe(true);
  expect(skipped).toEqual([known]);
  expect(stand.calls.filter((c) => c === 'POST /_emulator/machineactions')).toHaveLength(1);
  takeNoVerdicts();
}

test('a clock that does not move is asked once a run: later tests, in any worker, end skipped with its line', async () => {
  const stand = await standIn({ moves: false, seedId: true, apiKnowsSeed: true });
  const dir = tempDir('lasting-');
  const skipped: ControlProtocolError[] = [];
  try {
    const told = await worker(stand.url, dir, skipped)
      .advanceClock(60)
      .catch((e) => e);
    expect(told).toBeInstanceOf(ControlProtocolError);
    expect(told.message).toContain('asked to advance 60 s from 2026-03-02T10:00:00.000Z');
    expect(skipped).toHaveLength(0);
    const known = await worker(stand.url, dir, skipped)
      .advanceClock(300)
      .catch((e) => e);
    expect(known.remembered).toBe(true);
    expect(known.message).toBe(told.message);
    expect(skipped).toEqual([known]);
    expect(stand.calls.filter((c) => c === 'POST /_emulator/clock/advance')).toHaveLength(1);
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
  } finally {
    await stand.close();
  }
});

test('a seed answered 201 without its action is asked once a run', async () => {
  const stand = await standIn({ moves: true, seedId: false, apiKnowsSeed: true });
  const dir = tempDir('lasting-');
  const skipped: ControlProtocolError[] = [];
  try {
    const told = await worker(stand.url, dir, skipped)
      .finalAction('Succeeded')
      .catch((e) => e);
    expect(told.message).toContain(
      '/_emulator/machineactions answered 201: the answer has no MachineAction id',
    );
    await expectSeedToldOnce(stand, dir, skipped);
  } finally {
    await stand.close();
  }
});

test("a seeded action the API answers 404 to is the seed's fault, told once a run, not the API's", async () => {
  const stand = await standIn({ moves: true, seedId: true, apiKnowsSeed: false });
  const dir = tempDir('lasting-');
  const skipped: ControlProtocolError[] = [];
  try {
    const told = await worker(stand.url, dir, skipped)
      .finalAction('Succeeded')
      .catch((e) => e);
    expect(told).toBeInstanceOf(ControlProtocolError);
    expect(told.message).toContain(`${stand.url}/_emulator/machineactions answered 201`);
    expect(told.message).toContain(
      'GET /api/machineactions/6f0c4b5e-2d3a-4e1f-9a8b-7c6d5e4f3a2b by an app of its tenant answers 404',
    );
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
    await expectSeedToldOnce(stand, dir, skipped);
  } finally {
    await stand.close();
  }
});

test('a seeded action the API shows is taken, with one read of it', async () => {
  const stand = await standIn({ moves: true, seedId: true, apiKnowsSeed: true });
  try {
    const action = await worker(stand.url, tempDir('lasting-'), []).finalAction('Succeeded');
    expect(action.id).toBe('6f0c4b5e-2d3a-4e1f-9a8b-7c6d5e4f3a2b');
    expect(stand.calls.filter((c) => c === 'GET /api/machineactions/{id}')).toHaveLength(1);
    expect(takeNoVerdicts()).toEqual([]);
  } finally {
    await stand.close();
  }
});

// An advance answered 204 with no body, or 200 with another shape than {"now"}: it will be the same
// next time, so it is told once a run, as a clock that does not move is.
for (const [what, status, body] of [
  ['204 with no body', 204, ''],
  ['200 with another shape', 200, '{"time":"2026-03-02T10:01:00Z"}'],
  ['200 with no JSON', 200, 'moved'],
] as const) {
  test(`a clock advance answered ${what} is asked once a run`, async () => {
    let advances = 0;
    const server = createServer((req, res) => {
      req.resume();
      if (req.url === '/_emulator/clock/advance') {
        advances++;
        return res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"now":"2026-03-02T10:00:00Z"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = tempDir('lasting-');
    const skipped: ControlProtocolError[] = [];
    try {
      const told = await worker(url, dir, skipped)
        .advanceClock(60)
        .catch((e) => e);
      expect(told.message).toContain('/_emulator/clock/advance answered');
      const known = await worker(url, dir, skipped)
        .advanceClock(60)
        .catch((e) => e);
      expect(known.remembered).toBe(true);
      expect(advances).toBe(1);
      takeNoVerdicts();
    } finally {
      server.close();
    }
  });
}
