import {
  alignClock,
  burst,
  extendRateTimeout,
  MINUTE_LIMIT,
  MINUTE_TEST,
  RATE_PROBE,
  req,
  serverFailureAside,
  suite,
  test,
} from '../../fixtures/index.ts';

// Open (docs/contract.md#rate-window, docs/contract.md#retry-after-value): recorded, never asserted.
// The pattern and how it is read: src/harness/observation/rate-probe.ts.
suite('rate window', () => {
  test(
    'how the minute window moves and what Retry-After counts is recorded',
    req('RATE.WINDOW'),
    async ({ driver, need, observe }) => {
      extendRateTimeout(driver, MINUTE_TEST);
      const client = await need(driver.freshIdentity(['Machine.Scan']));
      const at = RATE_PROBE;
      // Exactly on the boundary: the probe's timings count from it, and its first call comes 30 s later,
      // far from either edge however well a tenant's clock is known.
      await alignClock(driver, 'minute', 0);
      await driver.advanceClock(at.openAt);
      const [opener] = await burst(driver, client, 1);
      await driver.advanceClock(at.fillAt - at.openAt);
      const filled = await burst(driver, client, MINUTE_LIMIT - 1);
      const [blocked] = await burst(driver, client, 1);
      await driver.advanceClock(at.nextAt - at.fillAt);
      const [next] = await burst(driver, client, 1);
      await driver.advanceClock(at.lateAt - at.nextAt);
      // One after the other: the second tells a sliding window from one that has closed.
      const late = [...(await burst(driver, client, 1)), ...(await burst(driver, client, 1))];
      // A 5xx read as served would record a window the tenant may not have: nothing is recorded.
      serverFailureAside(driver, [opener!, ...filled, blocked!, next!, ...late]);
      const summary = observe.rateProbe({ opener: opener!, filled, blocked: blocked!, next: next!, late });
      observe('RATE.WINDOW', summary);
    },
  );
});
