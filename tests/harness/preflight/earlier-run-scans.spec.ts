import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { earlierRunScans } from '../../../src/harness/preflight/earlier-run-scans.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { action, DEVICE, MACHINE, RUN } from './earlier-run-device.ts';

test.afterEach(removeTempDirs);

// Proved on the tenant rehearsal: a run killed by SIGKILL right after its scan was created left it
// Pending, and the next run exited 0 with every write test NA ("a scan is already running") and no
// word that the scan was the suite's own, left by the killed run.
// (A device list in pages: earlier-run-pages.spec.ts.)

async function tenantApi(): Promise<{ url: string; server: Server; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(decodeURIComponent(req.url ?? ''));
    const body = req.url?.includes('/oauth2/')
      ? { token_type: 'Bearer', expires_in: 3599, access_token: 'earlier-run-token' }
      : { value: DEVICE };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, paths };
}

test("an earlier run's scan still active on MDE_MACHINE_ID is named, with what to do; nothing else is", async () => {
  const { url, server, paths } = await tenantApi();
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  const lines = await earlierRunScans(spec, 'token', RUN, 3_000);
  server.close();
  expect(paths).toEqual([`/api/machineactions?$filter=machineId eq '${MACHINE}'`]);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('action 11111111-0000-4000-8000-000000000001 (Pending)');
  expect(lines[0]).toContain('run run-killed of this suite');
});

// Before any test the run has started nothing: a scan with its own tag is an earlier run's with the
// same MDE_RUN_ID (a CI re-run), killed before its teardown. Its ledger is set aside as the run starts
// (earlier-ledgers.ts), so nothing cancels that scan: it was left unsaid, and every write test NA.
test('a scan of an earlier run with the same MDE_RUN_ID is named too', async () => {
  const { url, server } = await tenantApi();
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  const lines = await earlierRunScans(spec, 'token', RUN, 3_000);
  server.close();
  expect(lines[1]).toContain('action 11111111-0000-4000-8000-000000000004 (Pending)');
  expect(lines[1]).toContain(`an earlier run with this MDE_RUN_ID (${RUN})`);
});

test('with writes off the device is not read: the run starts no scan that one could block', async () => {
  const { url, server, paths } = await tenantApi();
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, machineId: MACHINE });
  expect(await earlierRunScans(spec, 'token', RUN, 3_000)).toEqual([]);
  server.close();
  expect(paths).toEqual([]);
});

test('the preflight of a run with writes says it before any test', async () => {
  const { url, server } = await tenantApi();
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  const warned: string[] = [];
  await preflight(spec, {
    timeoutMs: 3_000,
    ledger: { runId: RUN, resultsDir: tempDir('earlier-run-') },
    warn: (line) => warned.push(line),
  });
  server.close();
  expect(warned).toEqual([
    expect.stringContaining('action 11111111-0000-4000-8000-000000000001'),
    expect.stringContaining('action 11111111-0000-4000-8000-000000000004'),
  ]);
});
// The warning quotes what the tenant answered (the action's id): a target that echoes the caller's
// token there (a misbehaving proxy) must not have it printed on the run's stderr.
test("the warning never quotes the caller's token, whatever the tenant answers", async () => {
  const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJlYXJsaWVyLXJ1bi1zZWNyZXQifQ.c2lnbmF0dXJlLWJ5dGVz';
  const server = createServer((req, res) => {
    const echoed = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const body = req.url?.includes('/oauth2/')
      ? { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN }
      : { value: [action(echoed, 'Pending', 'mde-conformance run-killed: quick scan to cancel')] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  const warned: string[] = [];
  try {
    await preflight(spec, {
      timeoutMs: 3_000,
      ledger: { runId: RUN, resultsDir: tempDir('earlier-run-token-') },
      warn: (line) => warned.push(line),
    });
  } finally {
    server.close();
  }
  expect(warned).toHaveLength(1);
  expect(warned[0]).not.toContain(TOKEN);
});
