import { join } from 'node:path';
import { SETTLE_BOUND_SECONDS } from '../../../../src/harness/drivers/eventually.ts';
import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { QuotaLedgerFile } from '../../../../src/harness/drivers/tenant/quota-ledger-file.ts';
import type { RealTime } from '../../../../src/harness/drivers/tenant/real-time.ts';
import { QUOTA_LEDGER_FILE } from '../../../../src/harness/drivers/tenant/tenant-quota.ts';
import { alignClock, QUIET_MINUTE_SECONDS } from '../../../fixtures/rate-limit.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { MACHINE, RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// The tenant driver's waits run on an injected clock: nothing here sleeps for real.
const ID = 'eeeeeeee-0000-4000-8000-000000000005';

test.describe('tenant driver: waiting within a time bound', () => {
  test('a new action that answers 404 while it replicates is read again until GET answers 200', async () => {
    let gets = 0;
    const { driver, clock } = tenant(WRITES, (_url, method) => {
      if (method === 'POST') return scan(ID);
      gets++;
      return gets < 3
        ? { status: 404, body: { error: { code: 'NotFound', message: 'x' } } }
        : scan(ID, undefined, 200);
    });
    expect((await driver.activeAction()).id).toBe(ID);
    expect(gets).toBe(3);
    expect(clock.slept).toEqual([500, 1000]);
  });

  test('a new action that never answers 200 ends the test without a verdict, never as a failure', async () => {
    const { driver, clock } = tenant(WRITES, (_url, method) =>
      method === 'POST' ? scan(ID) : { status: 404, body: {} },
    );
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(error.message).toContain('docs/contract.md#hosts');
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(SETTLE_BOUND_SECONDS * 1000);
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ kind: 'no-verdict', code: 'PRECONDITION' })]);
  });

  test('createAction returns the answer to assert on, after the same bounded read-back', async () => {
    const { driver, clock } = tenant(WRITES, (_url, method) =>
      method === 'POST' ? scan(ID) : { status: 404, body: {} },
    );
    expect((await driver.createAction(MACHINE)).status).toBe(201);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(SETTLE_BOUND_SECONDS * 1000);
    expect(takeNoVerdicts()).toEqual([]);
  });

  test('a list that fails while looking for a final action is no verdict', async () => {
    const { driver } = tenant({}, () => ({ status: 503, body: {} }));
    await expect(driver.finalAction('Succeeded')).rejects.toBeInstanceOf(PreconditionError);
    expect(takeNoVerdicts()).toHaveLength(1);
  });

  test('eventually pauses in real time, growing, up to the bound, and needs no throttling switch', async () => {
    const { driver, clock } = tenant({});
    let reads = 0;
    const seen = await driver.eventually(
      async () => ++reads,
      () => false,
    );
    expect(seen).toMatchObject({ settled: false, reads: 7, waitedSeconds: SETTLE_BOUND_SECONDS });
    expect(clock.slept).toEqual([500, 1000, 2000, 4000, 8000, 14500]);
  });

  test("the tenant's clock is the one its Date header shows, and the rate tests align to it", async () => {
    // Local 10:00:00.000; the target says 10:00:07 (so 10:00:07.5 on average).
    const { driver, clock } = tenant({ allowThrottling: true }, () => ({
      status: 404,
      body: {},
      headers: { date: 'Mon, 02 Mar 2026 10:00:07 GMT' },
    }));
    expect((await driver.clockNow()).toISOString()).toBe('2026-03-02T10:00:07.500Z');
    // Two seconds into the target's next minute, not the local one: 52.5 + 2 s.
    await alignClock(driver, 'minute');
    expect(clock.slept).toEqual([54_500]);
  });

  // A tenant may count an app's calls of every operation together (docs/contract.md#throttling): the
  // GET that read its clock was one of them, and a burst 54.5 s later found 3 of its 100 cancels
  // throttled on a sliding window (RATE.MINUTE failed). Quiet: the burst starts over a minute after it.
  test('aligned to be quiet, the rate tests start a minute after the read of the clock at least', async () => {
    const { driver, clock } = tenant({ allowThrottling: true }, () => ({
      status: 404,
      body: {},
      headers: { date: 'Mon, 02 Mar 2026 10:00:07 GMT' },
    }));
    await alignClock(driver, 'minute', undefined, QUIET_MINUTE_SECONDS);
    // 52.5 s to 10:01:00 and a whole minute more: 10:02:02 on the target's clock.
    expect(clock.slept).toEqual([114_500]);
  });

  test('without a Date header the local clock stands in', async () => {
    const { driver } = tenant({}, () => ({ status: 404, body: {} }));
    expect((await driver.clockNow()).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});

test.describe('tenant driver: a fresh identity for the rate tests', () => {
  const CANCEL = 'CancelMachineAction';

  // Earlier cancels of `caller` at `times`, written to the quota ledger in one update: reserved one by
  // one, 1,450 locked reads and writes of the growing file took 8 s of a loaded machine a test.
  function earlierCancels(resultsDir: string, clock: RealTime, caller: string, times: number[]) {
    new QuotaLedgerFile(join(resultsDir, QUOTA_LEDGER_FILE), RUN, clock).update((ledger) => {
      ledger.recent[`${caller}|${CANCEL}`] = [...(ledger.recent[`${caller}|${CANCEL}`] ?? []), ...times];
    });
  }

  test('a minute test waits until the hour window has room for its calls, not only the minute', async () => {
    const { driver, state, clock, resultsDir } = tenant({ allowThrottling: true });
    // 1,450 cancels over the last 50 minutes (the hour test, or an earlier run within the hour), one
    // every 2 s.
    const start = clock.now();
    const times = Array.from({ length: 1450 }, (_, i) => start + (i + 1) * 2_000);
    await clock.sleep(1450 * 2_000);
    earlierCancels(resultsDir, clock, state.quotaKey('throttle'), times);
    const timeout = test.info().timeout;
    await driver.freshIdentity(['Machine.Scan']);
    // Two minutes' calls (200) fit again, and it waited no longer than for the oldest to leave.
    const inHour = state.ledger.callsInLastHour(CANCEL).length;
    expect(inHour + 200).toBeLessThanOrEqual(1500);
    expect(inHour + 200).toBeGreaterThanOrEqual(1499);
    // The test that waits for the hour gets that wait on top of its own time (the minute's 61 s it has).
    const [minuteWait, hourWait] = clock.slept.slice(-2);
    expect(minuteWait).toBe(61_000);
    expect(test.info().timeout).toBe(timeout + hourWait!);
  });

  test("a minute test waits until no app's cancel is in its window: a tenant may count its apps together", async () => {
    const { driver, state, clock } = tenant({ allowThrottling: true });
    // A role test's app cancelled a moment ago; the operator never did.
    state.ledger.tryReserve('role:Machine.Scan#0123456789', CANCEL);
    await clock.sleep(5_000);
    await driver.freshIdentity(['Machine.Scan']);
    expect(clock.slept).toEqual([5_000, 56_000]);
  });

  // The ledger file is the checkout's, shared by runs against other tenants and hosts: their cancels
  // count in no window of this tenant's, and a third stand-in run waited some 25 minutes for them.
  test("another tenant's or host's cancels in the ledger hold no rate test back", async () => {
    const { driver, state, clock, resultsDir } = tenant({ allowThrottling: true });
    const [label, app] = state.quotaKey('operator').split('#');
    earlierCancels(resultsDir, clock, `${label}#${app}#0000000000`, Array(1450).fill(clock.now()));
    await driver.freshIdentity(['Machine.Scan']);
    expect(clock.slept).toEqual([]);
    // This tenant's own cancels still do.
    state.ledger.tryReserve(state.quotaKey('throttle'), CANCEL);
    await driver.freshIdentity(['Machine.Scan']);
    expect(clock.slept).toEqual([61_000]);
  });

  test('with room in the hour a minute test waits only for its minute window', async () => {
    const { driver, state, clock } = tenant({ allowThrottling: true });
    for (let i = 0; i < 100; i++) state.ledger.tryReserve(state.quotaKey('throttle'), CANCEL, true);
    await driver.freshIdentity(['Machine.Scan']);
    expect(clock.slept).toEqual([61_000]);
  });
});
