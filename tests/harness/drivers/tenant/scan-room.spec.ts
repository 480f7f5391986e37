import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { tenantTarget } from '../../../helpers/tenant-target.ts';
import { scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// The scan's clock starts only when its follow-up calls can go at once: held at the cancel instead, a
// writes run's full cancel window kept it waiting ~50 s, and a tenant whose quick scans end in ~45 s had
// it Succeeded first (ERROR, every time). The fake clock neither reads nor waits real time.
const ID = 'eeeeeeee-0000-4000-8000-000000000077';
const CANCEL = 'CancelMachineAction';

function scanTimes(clock: { now(): number }) {
  const posts: number[] = [];
  const answer = (_url: string, method: string) => {
    if (method !== 'POST') return scan(ID, undefined, 200);
    posts.push(clock.now());
    return scan(ID);
  };
  return { posts, answer };
}

test.describe('tenant driver: room for a scan’s follow-up calls', () => {
  test("a full cancel window holds the scan, not its cancel, and spends no call of the ledger's", async () => {
    const holder = { now: () => 0 };
    const { posts, answer } = scanTimes(holder);
    const { driver, state, clock } = tenant(WRITES, answer);
    holder.now = () => clock.now();
    const operator = state.quotaKey('operator');
    // The operator's share of cancels (50 of 100 at MDE_QUOTA_SHARE=0.5), spent 10 s ago.
    const spentAt = clock.now();
    for (let i = 0; i < 50; i++) expect(state.ledger.tryReserve(operator, CANCEL)).toBe(0);
    await clock.sleep(10_000);
    expect((await driver.activeAction()).id).toBe(ID);
    expect(posts).toHaveLength(1);
    // Created only once the window has room: its cancel then goes at once.
    expect(posts[0]).toBeGreaterThanOrEqual(spentAt + 60_000);
    expect(posts[0]).toBeLessThanOrEqual(spentAt + 61_000);
    expect(state.ledger.roomWaitMs({ caller: operator, operationId: CANCEL, calls: 1 })).toBe(0);
    // The wait recorded no call: 50 cancels, one scan, one read-back.
    const calls = state.ledger.report().calls.map(({ operationId, total }) => [operationId, total]);
    expect(calls).toEqual([
      [CANCEL, 50],
      ['GetMachineAction', 1],
      ['RunAntiVirusScan', 1],
    ]);
  });

  test("the limited app's full cancel window holds the scan too: a test may cancel as it", async () => {
    const limited = {
      kind: 'secret' as const,
      clientId: '22222222-2222-4333-8444-555555555555',
      secretVariable: 'MDE_HARNESS_TEST_SECRET',
    };
    const spec = tenantTarget(WRITES);
    const holder = { now: () => 0 };
    const { posts, answer } = scanTimes(holder);
    const { driver, state, clock } = tenant(
      { ...WRITES, credentials: { ...spec.credentials, limited } },
      answer,
    );
    holder.now = () => clock.now();
    const spentAt = clock.now();
    for (let i = 0; i < 50; i++) state.ledger.tryReserve(state.quotaKey('read-only'), CANCEL);
    await driver.activeAction();
    expect(posts[0]).toBeGreaterThanOrEqual(spentAt + 60_000);
  });

  test('with room in every window the scan starts at once', async () => {
    const holder = { now: () => 0 };
    const { posts, answer } = scanTimes(holder);
    const { driver, state, clock } = tenant(WRITES, answer);
    holder.now = () => clock.now();
    for (let i = 0; i < 49; i++) state.ledger.tryReserve(state.quotaKey('operator'), CANCEL);
    const start = clock.now();
    await driver.activeAction();
    expect(posts).toEqual([start]);
    expect(clock.slept).toEqual([]);
  });
});
