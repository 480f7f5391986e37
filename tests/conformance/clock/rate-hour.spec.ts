import {
  alignClock,
  checkHourNoEffect,
  checkHourRecovery,
  countHourLimit,
  expect,
  extendRateTimeout,
  HOUR_LIMIT,
  req,
  serverFailureAside,
  suite,
  test,
} from '../../fixtures/index.ts';

suite('rate limit per hour', () => {
  // The hour limit counted minute by minute: each minute's calls go out at once, then the clock
  // moves by the Retry-After the target gives (hour-count.ts). Works for fixed and sliding windows alike.
  test(
    `no more than ${HOUR_LIMIT} calls are served in an hour and call ${HOUR_LIMIT + 1} must wait past the minute`,
    req('RATE.HOUR'),
    async ({ driver, api, need }) => {
      // A tenant first waits for an hour free of the operator's cancels, then counts for 15+ minutes.
      extendRateTimeout(driver, { tenantMs: 150 * 60_000, floorMs: 300_000, extraMs: 270_000 });
      const client = await need(driver.freshIdentity(['Machine.Scan'], 'hour'));
      // What broke the count is asserted once: an expect per minute cost a step each, which in the
      // self-test's 59 targets was most of this test's overhead.
      const { broken } = await countHourLimit(driver, client, await alignClock(driver, 'hour'));
      // Fails naming what broke, if anything did.
      expect(broken, broken).toBeUndefined();
      // The last minute's calls may have filled the minute window too; which window's wait a target
      // names while both block is open, so the minute window is left to empty first (a second past
      // it, for a target that counts its window's end inclusively or in whole seconds).
      await driver.advanceClock(61);
      const over = await client.cancel(driver.unknownId(), {
        Comment: `conformance: call ${HOUR_LIMIT + 1}`,
      });
      serverFailureAside(driver, [over]);
      // The documented code of every 429 (docs/contract.md#throttling): a client backs off on it.
      expect(over).toBeErrorEnvelope(429, ['TooManyRequests']);
      expect(over).toHaveRetryAfter({ above: 60 });
      await driver.advanceClock(60);
      const later = await client.cancel(driver.unknownId(), { Comment: 'conformance: a minute later' });
      serverFailureAside(driver, [later]);
      expect(later.status, 'a minute later the hour limit still throttles').toBe(429);
      // While the hour is full, a refused cancel must change nothing (RATE.NOEFFECT, recorded as its
      // violation); on a tenant that would be a write while throttled: the minute limit's test judges it.
      // Waiting the hour's Retry-After must be enough (RATE.RECOVER, recorded as its violation), counted
      // from `later` although the first check may move the clock. On a tenant that wait is most of an
      // hour more of real time: there the minute limit's test judges it.
      if (driver.mode !== 'tenant') {
        const laterAt = await driver.clockNow();
        await checkHourNoEffect(driver, api, client);
        await checkHourRecovery(driver, client, later, laterAt);
      }
    },
  );
});
