import { statusOf } from '../../../fixtures/action-reads.ts';
import { laterOrSame, stateBeforeCall } from '../../../fixtures/action-state.ts';
import { cancelActive } from '../../../fixtures/cancel-active.ts';
import { readBothPaths } from '../../../fixtures/caught-up-read.ts';
import { expectUnchanged } from '../../../fixtures/unchanged-action.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

// A tenant may serve a GET from a replica that has not yet seen what an earlier GET showed
// (docs/contract.md#hosts): the action 404 while it replicates, an earlier step of its lifecycle, an
// older last update. A check that a refused call changed nothing must not take such a read for a change.
const ID = '0c9e2b47-3d15-4a8e-b1f6-7e2d9c4a5b81';
const RUNNING = { status: 'InProgress', lastUpdateDateTimeUtc: '2026-03-02T10:00:05.0000000Z' };
const QUEUED = { status: 'Pending', lastUpdateDateTimeUtc: '2026-03-02T10:00:01.0000000Z' };

test.afterEach(removeTempDirs);

// A tenant whose GETs answer `reads` in turn (the last one from then on); its cancels answer `cancel`.
function lagging(reads: readonly FakeAnswer[], cancel: FakeAnswer) {
  let n = 0;
  return tenant(WRITES, (url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(ID);
    if (method === 'POST') return cancel;
    return reads[Math.min(n++, reads.length - 1)]!;
  });
}

const refused = { status: 400, body: { error: { code: 'InvalidRequestBody', message: 'm' } } };
const read = (state: object): FakeAnswer => ({ status: 200, body: { ...scan(ID).body, ...state } });
const notYet: FakeAnswer = { status: 404, body: { error: { code: 'ResourceNotFound', message: 'm' } } };

async function refusedCancel(reads: readonly FakeAnswer[], cancel: FakeAnswer = refused) {
  const { driver, sent } = lagging(reads, cancel);
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  const before = await stateBeforeCall(driver, api, action.id);
  await cancelActive(driver, api, action.id, { Comment: 'conformance: refused' });
  const judged = await expectUnchanged(driver, api, action.id, before).then(
    () => undefined,
    (error: Error) => error,
  );
  return { judged, gets: sent.filter((line) => line.startsWith('GET /api/machineactions/')).length };
}

test('a read after a refused cancel that lags the read before it is read again, not judged', async () => {
  // Read back InProgress; the check for an action ended by itself, then the state after, come from a
  // replica still showing it Pending, or not at all; the next read has caught up.
  for (const stale of [read(QUEUED), notYet, read({ ...RUNNING, lastUpdateDateTimeUtc: null })]) {
    const { judged } = await refusedCancel([read(RUNNING), stale, stale, read(RUNNING)]);
    expect(judged).toBeUndefined();
  }
});

test('a refused cancel that cancelled all the same is still caught on a tenant', async () => {
  const cancelled = read({
    status: 'Cancelled',
    lastUpdateDateTimeUtc: '2026-03-02T10:00:09.0000000Z',
    cancellationComment: 'conformance: refused',
  });
  const { judged } = await refusedCancel([read(RUNNING), cancelled]);
  expect(String(judged)).toContain('as the refused call found it');
});

test('a read still behind at the end of the bounded wait is judged as it reads', async () => {
  const { judged, gets } = await refusedCancel([read(RUNNING), read(QUEUED)]);
  expect(String(judged)).toContain('as the refused call found it');
  // The read-back, the check after the refusal, then the schedule's reads after it.
  expect(gets).toBeGreaterThan(3);
});

test('the state before the call is read again while a replica does not have the new action yet', async () => {
  const { driver } = lagging([read(QUEUED), notYet, notYet, read(QUEUED)], refused);
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  // A call in between: the read-back is no longer the state before the call.
  await api.list({ $top: 1 });
  expect((await stateBeforeCall(driver, api, action.id)).status).toBe('Pending');
});

// PATH.VERSIONED compares a GET under /api with one under /api/v1.0: the later must show the same status
// or a later step. Each may reach another replica.
test('the GET under /api/v1.0 is read again while it lags the one under /api', async () => {
  const paths: string[] = [];
  const reads = { plain: [notYet, read(RUNNING)], versioned: [read(QUEUED), read(QUEUED), read(RUNNING)] };
  const { driver } = tenant(WRITES, (url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(ID);
    if (method === 'POST') return refused;
    const which = url.includes('/api/v1.0/') ? 'versioned' : 'plain';
    paths.push(which);
    return reads[which].length > 1 ? reads[which].shift()! : reads[which][0]!;
  });
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  // Two bare GETs would read the second from a replica behind the first; readBothPaths reads again.
  const bare = [await api.get(action.id), await api.get(action.id, { versioned: true })];
  expect(laterOrSame(statusOf(bare[0]!), statusOf(bare[1]!))).toBe(false);
  const { plain, versioned } = await readBothPaths(driver, api, action.id, { status: action.status });
  expect(plain.status).toBe(200);
  expect(versioned.status).toBe(200);
  expect(laterOrSame(statusOf(plain), statusOf(versioned))).toBe(true);
});
