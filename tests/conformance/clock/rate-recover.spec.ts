import {
  alignClock,
  callUntilThrottled,
  expect,
  extendRateTimeout,
  MINUTE_TEST,
  NEVER_THROTTLED,
  notServed,
  req,
  serverFailureAside,
  suite,
  test,
  waitAfter,
} from '../../fixtures/index.ts';

const CANCELLER = ['Machine.Scan'];

// Recovery from the cancel limit per minute, counted from a fresh window of a fresh identity.
suite('rate limit per minute', () => {
  test.beforeEach(({ driver }) => extendRateTimeout(driver, MINUTE_TEST));

  test('after waiting Retry-After the next call is served', req('RATE.RECOVER'), async ({ driver, need }) => {
    const client = await need(driver.freshIdentity(CANCELLER));
    await alignClock(driver, 'minute');
    const throttled = await callUntilThrottled(driver, client);
    expect(throttled, NEVER_THROTTLED).toBeDefined();
    const waited = waitAfter(throttled!);
    await driver.advanceClock(waited);
    const next = await client.cancel(driver.unknownId(), { Comment: 'conformance: after Retry-After' });
    serverFailureAside(driver, [next]);
    const why = notServed(next);
    expect(
      why,
      `the call made after waiting the ${waited} s of Retry-After is served, not ${why}`,
    ).toBeUndefined();
    // And the Retry-After of a 429 to a call made too soon, as a client retrying at once gets: waiting
    // that one, the latest, must be enough as well (a limiter may word a repeat's wait its own way).
    // Emulators only: on a tenant it spends another minute's quota of the cancel.
    if (driver.mode === 'tenant') return;
    const again = await need(driver.freshIdentity(CANCELLER));
    await alignClock(driver, 'minute');
    expect(await callUntilThrottled(driver, again), NEVER_THROTTLED).toBeDefined();
    const repeat = await again.cancel(driver.unknownId(), { Comment: 'conformance: retried too soon' });
    // A repeat served within the minute is RATE.MINUTE's to judge (its call 102): no 429 to wait on here.
    if (repeat.status !== 429) return;
    const waitedAgain = waitAfter(repeat);
    await driver.advanceClock(waitedAgain);
    const after = await again.cancel(driver.unknownId(), { Comment: 'conformance: after the repeat' });
    const whyNot = notServed(after);
    expect(
      whyNot,
      `the call made after waiting the ${waitedAgain} s of the repeated 429's Retry-After is served, not ${whyNot}`,
    ).toBeUndefined();
  });
});
