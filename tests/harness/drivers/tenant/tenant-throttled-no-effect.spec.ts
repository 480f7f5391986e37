import { stateBeforeCall } from '../../../fixtures/action-state.ts';
import { expectThrottledUnchanged } from '../../../fixtures/throttled-no-effect.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

// RATE.NOEFFECT reads the action after a cancel the minute limit refused. A tenant may count an app's
// calls of every operation together (docs/contract.md#throttling): its GET is then throttled as the
// cancel was, until the 429's Retry-After has passed. Read at once, such a lawful tenant left the test
// without a verdict on every run.
const ID = '5b2f0c1e-8d47-4a39-9e61-2c7d4f8a0b13';
const THROTTLING = { ...WRITES, allowThrottling: true };
const RETRY_AFTER = 30;

test.afterEach(removeTempDirs);

const throttled: FakeAnswer = {
  status: 429,
  body: { error: { code: 'TooManyRequests', message: 'm' } },
  headers: { 'retry-after': String(RETRY_AFTER) },
};

// A tenant whose every call of the app is refused from the cancel's 429 until its Retry-After has
// passed; its GETs then show the action as `after` (the scan as it started, or cancelled after all).
function countingEveryOperation(after: object) {
  const clock = fakeClock();
  let blockedUntil: number | undefined;
  const fake = tenant(
    THROTTLING,
    (url, method) => {
      if (url.endsWith('/runAntiVirusScan')) return scan(ID);
      if (blockedUntil !== undefined && clock.now() < blockedUntil) return throttled;
      if (method === 'POST') {
        blockedUntil = clock.now() + RETRY_AFTER * 1000;
        return throttled;
      }
      return { status: 200, body: { ...scan(ID).body, ...(blockedUntil ? after : {}) } };
    },
    clock,
  );
  return fake;
}

async function judgeThrottledCancel(after: object): Promise<Error | undefined> {
  const { driver } = countingEveryOperation(after);
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  const before = await stateBeforeCall(driver, api, action.id);
  const res = await api.cancel(action.id, { Comment: 'conformance: throttled cancel' });
  expect(res.status).toBe(429);
  return expectThrottledUnchanged(driver, api, action.id, before, res).then(
    () => undefined,
    (error: Error) => error,
  );
}

test("the read after a throttled cancel waits the 429's Retry-After on a tenant counting every operation", async () => {
  expect(await judgeThrottledCancel({})).toBeUndefined();
});

test('a throttled cancel that cancelled all the same is still caught after the wait', async () => {
  const judged = await judgeThrottledCancel({
    status: 'Cancelled',
    cancellationComment: 'conformance: throttled cancel',
    cancellationRequestor: 'someone',
    cancellationDateTimeUtc: '2026-03-02T10:00:01.0000000Z',
  });
  expect(String(judged)).toContain('as the refused call found it');
});
