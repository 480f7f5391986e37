import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tenantQuotaLedger } from '../../../src/harness/drivers/tenant/tenant-quota.ts';
import { earlierRunScans } from '../../../src/harness/preflight/earlier-run-scans.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { DEVICE, MACHINE, RUN } from './earlier-run-device.ts';

test.afterEach(removeTempDirs);

// The device's list of actions in pages: every page read for an earlier run's scan, each counted in the
// run's quota ledger, all within one request timeout.
test("an earlier run's scan on a later page of a paged list is named too", async () => {
  // A tenant may page its list (docs/contract.md#list-order); proved with the emulator behind a proxy
  // paging lists two at a time: the warning was lost.
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(decodeURIComponent(req.url ?? ''));
    const skip = Number(new URL(req.url ?? '', 'http://x').searchParams.get('$skiptoken') ?? 0);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = {
      // The earlier run's scan (the first two) is on the second page only.
      value: skip === 0 ? DEVICE.slice(2) : DEVICE.slice(0, 2),
      ...(skip === 0 ? { '@odata.nextLink': `${origin}/api/machineactions?$skiptoken=2` } : {}),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
    const lines = await earlierRunScans(spec, 'token', RUN, 3_000);
    expect(paths).toHaveLength(2);
    // The same-id scan on the first page, and the other run's on the second.
    expect(lines).toEqual([
      expect.stringContaining('action 11111111-0000-4000-8000-000000000004 (Pending)'),
      expect.stringContaining('action 11111111-0000-4000-8000-000000000001 (Pending)'),
    ]);
  } finally {
    server.close();
  }
});

// reports/quota.json counts every call the run made to the tenant, each page a call of the list's
// quota (next-page.ts): the preflight counted one list of the device however many pages it read.
test("each page of the device's list counts in the run's quota ledger", async () => {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '', 'http://x');
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const device = url.searchParams.has('$skiptoken') || url.searchParams.get('$filter')?.includes(MACHINE);
    const body = req.url?.includes('/oauth2/')
      ? { token_type: 'Bearer', expires_in: 3599, access_token: 'earlier-run-token' }
      : {
          value: device ? [DEVICE[skip]] : [],
          ...(device && skip < 2
            ? { '@odata.nextLink': `${origin}/api/machineactions?$skiptoken=${skip + 1}` }
            : {}),
        };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resultsDir = tempDir('earlier-run-quota-');
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  try {
    await preflight(spec, { timeoutMs: 3_000, ledger: { runId: RUN, resultsDir }, warn: () => {} });
  } finally {
    server.close();
  }
  // The list that proves the token is taken, then the device's three pages.
  expect(tenantQuotaLedger(spec, RUN, resultsDir).report().calls).toEqual([
    expect.objectContaining({ caller: 'operator', operationId: 'ListMachineActions', total: 4 }),
  ]);
});

// The look is a warning only, and the preflight runs under a budget of a few request timeouts
// (scripts/conformance.ts): a lawful tenant paging the device's list slowly (20 pages, each in time)
// stopped the run with "the preflight did not finish within 10 s", exit 3, before any test.
test('a slowly paged device list is read for one request timeout in all, not one a page', async () => {
  let asked = 0;
  const server = createServer((req, res) => {
    asked++;
    const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('$skiptoken') ?? 0);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = { value: [], '@odata.nextLink': `${origin}/api/machineactions?$skiptoken=${page + 1}` };
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      200,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spec = tenantTarget({ apiBaseUrl: url, authBaseUrl: url, allowWrites: true, machineId: MACHINE });
  try {
    expect(await earlierRunScans(spec, 'token', RUN, 500)).toEqual([]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
  // Counted, not timed (a loaded machine is slow): pages of 0.2 s at least fit three at most in one
  // 0.5 s timeout; each in its own time, every page would be asked for.
  expect(asked).toBeGreaterThan(0);
  expect(asked).toBeLessThanOrEqual(3);
});
