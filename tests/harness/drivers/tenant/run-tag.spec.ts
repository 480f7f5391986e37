import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

const OTHER_RUNS = 'cccccccc-0000-4000-8000-000000000012';

// A tenant may answer a duplicate scan with the action already running there; one started by another
// run whose id merely begins with this run's id (nightly-12 beside nightly-1) is not this run's to cancel.
test('a running scan of a run whose id extends this one is not taken for ours', async () => {
  const { driver, state, sent } = tenant(WRITES, (url, method) =>
    method === 'POST' && url.endsWith('/runAntiVirusScan')
      ? scan(OTHER_RUNS, `mde-conformance ${RUN}2: quick scan to cancel`, 200)
      : { status: 404, body: {} },
  );
  await expect(driver.activeAction()).rejects.toThrow(/which this run did not start/);
  expect(state.created.has(OTHER_RUNS)).toBe(false);
  await driver.teardown();
  expect(sent.filter((s) => s.endsWith('/cancel'))).toEqual([]);
});

// Any member but four may be null or left out (docs/contract.md#machine-action-fields). A scan answered
// without requestorComment was taken for someone else's: this run's scan stayed running, outside the
// ledger, and every later test of the device read N/A.
const OURS = 'dddddddd-0000-4000-8000-000000000013';
const withoutComment = (id: string, status = 201) => {
  const { requestorComment: _, ...body } = scan(id, undefined, status).body;
  return { status, body };
};

test('a scan answered without requestorComment is ours when a GET of it carries the tag', async () => {
  const { driver, state, sent } = tenant(WRITES, (url, method) => {
    if (method === 'POST' && url.endsWith('/runAntiVirusScan')) return withoutComment(OURS);
    if (method === 'GET' && url.endsWith(`/machineactions/${OURS}`)) return scan(OURS, undefined, 200);
    return { status: 404, body: {} };
  });
  expect((await driver.activeAction()).id).toBe(OURS);
  expect(state.created.has(OURS)).toBe(true);
  await driver.teardown();
  expect(sent.filter((s) => s.endsWith('/cancel'))).toEqual([`POST /api/machineactions/${OURS}/cancel`]);
});

test('a scan whose every answer leaves out requestorComment is N/A, said as such, and left alone', async () => {
  const { driver, state, sent } = tenant(WRITES, (url, method) =>
    (method === 'POST' && url.endsWith('/runAntiVirusScan')) || method === 'GET'
      ? { ...withoutComment(OURS, method === 'GET' ? 200 : 201) }
      : { status: 404, body: {} },
  );
  await expect(driver.activeAction()).rejects.toThrow(/nor a GET of it names a requestorComment/);
  expect(state.created.has(OURS)).toBe(false);
  await driver.teardown();
  expect(sent.filter((s) => s.endsWith('/cancel'))).toEqual([]);
});
