import {
  alignClock,
  burst,
  expect,
  HOUR_LIMIT,
  MINUTE_LIMIT,
  req,
  test,
  waitAfter,
} from '../../fixtures/index.ts';

// The hour limit (1500) counted minute by minute: each minute's calls go out at once, then the clock
// moves by the Retry-After the target gives. Works for fixed and sliding windows alike.
test(
  'no more than 1500 calls are served in an hour and call 1501 must wait past the minute',
  req('RATE.HOUR'),
  async ({ driver, need }) => {
    const client = await need(driver.freshIdentity(['Machine.Scan'], 'hour'));
    test.setTimeout(driver.mode === 'tenant' ? 75 * 60_000 : 120_000);
    await alignClock(driver, 'hour');
    let served = 0;
    for (let minute = 0; served < HOUR_LIMIT; minute++) {
      expect(minute, `${HOUR_LIMIT} calls are served within 50 minutes (only ${served} were)`).toBeLessThan(
        50,
      );
      const batch = await burst(driver, client, Math.min(MINUTE_LIMIT, HOUR_LIMIT - served));
      const accepted = batch.filter((res) => res.status !== 429).length;
      if (minute > 0) expect(accepted, 'after waiting Retry-After calls are served again').toBeGreaterThan(0);
      served += accepted;
      if (served >= HOUR_LIMIT) break;
      const probe = batch.find((res) => res.status === 429) ?? (await burst(driver, client, 1))[0]!;
      if (probe.status !== 429) {
        served++;
        continue;
      }
      await driver.advanceClock(waitAfter(probe));
    }
    const over = await client.cancel(driver.unknownId(), { Comment: `conformance: call ${HOUR_LIMIT + 1}` });
    expect(over).toBeThrottled({ minRetryAfter: 60 });
    await driver.advanceClock(60);
    const later = await client.cancel(driver.unknownId(), { Comment: 'conformance: a minute later' });
    expect(later.status, 'a minute later the hour limit still throttles').toBe(429);
  },
);
