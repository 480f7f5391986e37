import { join } from 'node:path';
import { QuotaLedger } from '../../../../src/harness/drivers/tenant/quota-ledger.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// QuotaLedger.waitForRoom (and roomWaitMs): the wait before a scan for its follow-up calls' room,
// which records nothing. Limits of 10 a minute and 30 an hour at a share of 0.5: 5 and 15.
function ledger(scope: 'operation' | 'app' = 'operation', perHour = 30, onSleep = () => {}) {
  const now = { t: 1_000_000 };
  const slept: number[] = [];
  const q = new QuotaLedger({
    file: join(tempDir('quota-room-'), 'ledger.json'),
    runId: 'run-a',
    share: 0.5,
    scope,
    limitOf: () => ({ perMinute: 10, perHour }),
    clock: {
      now: () => now.t,
      sleep: async (ms) => {
        slept.push(ms);
        now.t += ms;
        onSleep();
      },
    },
  });
  return { q, now, slept };
}
const GET = 'GetMachineAction';
const CANCEL = 'CancelMachineAction';

test.describe('quota ledger: waiting for room', () => {
  test('room for several calls waits for as many of the oldest to leave the window', () => {
    const { q, now } = ledger();
    for (let i = 0; i < 4; i++) {
      q.tryReserve('operator', GET);
      now.t += 1_000;
    }
    // 4 of 5 in the window: room for one now, for three once the first two have left.
    expect(q.roomWaitMs({ caller: 'operator', operationId: GET, calls: 1 })).toBe(0);
    expect(q.roomWaitMs({ caller: 'operator', operationId: GET, calls: 3 })).toBe(57_000);
    // More than the share counts as the whole share: no wait that never ends.
    expect(q.roomWaitMs({ caller: 'operator', operationId: GET, calls: 9 })).toBe(59_000);
    // Another operation's window is its own.
    expect(q.roomWaitMs({ caller: 'operator', operationId: CANCEL, calls: 5 })).toBe(0);
  });

  test("scope 'app' counts the caller's every operation in the one window", () => {
    const { q } = ledger('app');
    for (let i = 0; i < 5; i++) q.tryReserve('operator', GET);
    expect(q.roomWaitMs({ caller: 'operator', operationId: CANCEL, calls: 1 })).toBe(60_000);
    expect(q.roomWaitMs({ caller: 'limited', operationId: CANCEL, calls: 1 })).toBe(0);
  });

  test('a spent hour share is not waited for: the call itself is refused as ever', () => {
    const { q, now } = ledger();
    for (let i = 0; i < 15; i++) {
      q.tryReserve('operator', CANCEL);
      now.t += 61_000;
    }
    expect(q.roomWaitMs({ caller: 'operator', operationId: CANCEL, calls: 1 })).toBe(0);
  });

  test('waits for the fullest of several windows, records nothing, and at most a minute', async () => {
    const { q, now, slept } = ledger();
    for (let i = 0; i < 5; i++) q.tryReserve('operator', CANCEL);
    now.t += 20_000;
    for (let i = 0; i < 5; i++) q.tryReserve('limited', CANCEL);
    const before = JSON.stringify(q.report());
    await q.waitForRoom([
      { caller: 'operator', operationId: CANCEL, calls: 1 },
      { caller: 'limited', operationId: CANCEL, calls: 1 },
    ]);
    expect(slept).toEqual([60_000]);
    expect(JSON.stringify(q.report())).toBe(before);
  });

  test('windows another worker keeps full are waited for a minute at most: the calls then wait as ever', async () => {
    // Each time this worker wakes, another has filled the window again before it looks.
    const refill = { run: () => {} };
    const { q, slept } = ledger('operation', 1000, () => refill.run());
    refill.run = () => {
      while (q.tryReserve('operator', CANCEL) === 0);
    };
    refill.run();
    await q.waitForRoom([{ caller: 'operator', operationId: CANCEL, calls: 1 }]);
    expect(slept.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(q.roomWaitMs({ caller: 'operator', operationId: CANCEL, calls: 1 })).toBeGreaterThan(0);
  });
});
