import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import { findingsOf, ofKind } from '../../src/harness/evidence/finding.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { checkHourNoEffect } from '../fixtures/hour-no-effect.ts';
import { checkHourRecovery } from '../fixtures/hour-recovery.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

// RATE.HOUR checks, while the hour is full, that a refused cancel changed nothing, then waits the
// Retry-After of its last 429 and calls again. The first check may move the clock (an action whose last
// update moves by itself is read again 300 s later: self-moving-action.ts); a wait counted from after
// that let a target whose hour Retry-After was up to 300 s too short pass RATE.RECOVER.

const RETRY_AFTER = 600;

// A target whose hour limit frees `servedAfter` seconds after the 429 that said RETRY_AFTER, and whose
// action's last update moves on at every read, as a device reporting all the time moves it.
function target(servedAfter: number) {
  const start = Date.parse('2026-12-02T10:00:00Z');
  let now = start;
  let reads = 0;
  const driver = {
    mode: 'embedded',
    clockNow: async () => new Date(now),
    advanceClock: async (seconds: number) => {
      now += seconds * 1000;
      return new Date(now);
    },
    activeAction: async () => ({ id: 'a', status: 'Pending' }),
    unknownId: () => 'u',
  } as unknown as TargetDriver;
  const api = {
    get: async () =>
      answer(200, {
        status: 'Pending',
        lastUpdateDateTimeUtc: new Date(now + 1000 * reads++).toISOString(),
        cancellationRequestor: null,
        cancellationComment: null,
        cancellationDateTimeUtc: null,
      }),
  } as unknown as ApiClient;
  const refused = () =>
    answer(429, { error: { code: 'TooManyRequests', message: 'm' } }, { 'retry-after': String(RETRY_AFTER) });
  const client = {
    cancel: async () =>
      now < start + servedAfter * 1000
        ? refused()
        : answer(404, { error: { code: 'NotFound', message: 'm' } }),
  } as unknown as ApiClient;
  return { driver, api, client, later: refused() };
}

const violations = () =>
  ofKind(findingsOf(test.info().annotations), 'violation').map((v) => `${v.id}: ${v.text}`);

for (const [servedAfter, judged] of [
  [RETRY_AFTER + 100, 'too short by 100 s: a RATE.RECOVER violation'],
  [RETRY_AFTER, 'enough: nothing'],
] as const)
  test(`the hour's Retry-After counts from its 429, whatever the no-effect check did to the clock; ${judged}`, async () => {
    const { driver, api, client, later } = target(servedAfter);
    const laterAt = await driver.clockNow();
    await checkHourNoEffect(driver, api, client);
    await checkHourRecovery(driver, client, later, laterAt);
    const recover = violations().filter((v) => v.startsWith('RATE.RECOVER'));
    expect(violations().filter((v) => v.startsWith('RATE.NOEFFECT'))).toEqual([]);
    expect(recover).toHaveLength(servedAfter > RETRY_AFTER ? 1 : 0);
  });
