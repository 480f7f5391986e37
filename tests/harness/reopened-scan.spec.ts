import { readUntil } from '../../src/harness/drivers/eventually.ts';
import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import { reopenedScan } from '../fixtures/reopened-scan.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

// CANCEL.REOPEN's new scan: a device freed a moment after the cancel shows is lawful, so a busy answer
// is asked again on the settle schedule, and anything else is the answer judged.

const BUSY = answer(400, { error: { code: 'ActiveRequestAlreadyExists', message: 'm' } });
const CANCELLED_AS_RUNNING = answer(201, { id: 'cancelled', status: 'Cancelled' });
const NEW_SCAN = answer(201, { id: 'new', type: 'RunAntiVirusScan', status: 'Pending' });

// A driver whose creates answer `answers` in turn; its pauses take no time.
function driverAnswering(answers: Exchange[]) {
  let creates = 0;
  const driver = {
    createAction: async () => answers[Math.min(creates++, answers.length - 1)]!,
    eventually: <T>(read: () => Promise<T>, done: (value: T) => boolean) =>
      readUntil(read, done, async () => {}),
  } as unknown as TargetDriver;
  return { driver, creates: () => creates };
}

test('a device still busy for a moment after the cancel shows takes the new scan once freed', async () => {
  const { driver, creates } = driverAnswering([BUSY, CANCELLED_AS_RUNNING, NEW_SCAN]);
  expect((await reopenedScan(driver, 'm1', 'cancelled')).body).toEqual(NEW_SCAN.body);
  expect(creates()).toBe(3);
});

test('a device that stays busy gives its last refusal, at the bound', async () => {
  const { driver, creates } = driverAnswering([BUSY]);
  expect((await reopenedScan(driver, 'm1', 'cancelled')).status).toBe(400);
  expect(creates()).toBeGreaterThan(3);
});

test('an answer that is not a busy device is judged as it comes: a 403, a 5xx, a new scan', async () => {
  for (const first of [
    answer(403, { error: { code: 'Forbidden', message: 'm' } }),
    answer(500, undefined),
    NEW_SCAN,
  ]) {
    const { driver, creates } = driverAnswering([first, NEW_SCAN]);
    expect((await reopenedScan(driver, 'm1', 'cancelled')).status).toBe(first.status);
    expect(creates()).toBe(1);
  }
});
