import {
  alignClock,
  callUntilThrottled,
  expect,
  expectThrottledUnchanged,
  extendRateTimeout,
  MINUTE_TEST,
  NEVER_THROTTLED,
  req,
  serverFailureAside,
  stateBeforeCall,
  suite,
  test,
} from '../../fixtures/index.ts';

const CANCELLER = ['Machine.Scan'];

// A cancel the limit per minute refused changes nothing, from a fresh window of a fresh identity (the
// limit itself: rate-minute.spec.ts).
suite('rate limit per minute', () => {
  test.beforeEach(({ driver }) => extendRateTimeout(driver, MINUTE_TEST));

  test(
    'a throttled cancel leaves the action unchanged',
    req('RATE.NOEFFECT'),
    async ({ driver, api, need }) => {
      // The identity first: where throttling is not allowed the test is N/A before a scan is asked for.
      const client = await need(driver.freshIdentity(CANCELLER));
      // A running action on emulators (a tenant can arrange only a Pending one): a target may hand a
      // running action's cancel to its device ahead of the limiter. The hour's check cancels a Pending one.
      const action = await need(driver.activeAction(driver.mode === 'tenant' ? undefined : 'InProgress'));
      const before = await stateBeforeCall(driver, api, action.id);
      // On emulators a second running action, for a throttled cancel under /api/v1.0 (below).
      const second = driver.mode === 'tenant' ? undefined : await need(driver.activeAction('InProgress'));
      const was = second && (await stateBeforeCall(driver, api, second.id));
      // And an Isolate action: a target may hand a cancel to its type's handler ahead of the limiter.
      const isolation =
        driver.mode === 'tenant' ? undefined : await need(driver.activeActionOfType('Isolate'));
      const held = isolation && (await stateBeforeCall(driver, api, isolation.id));
      // And a cancel without a Comment, which the cancel page does not require
      // (docs/contract.md#cancel-without-comment): a target may take it down a path of its own, ahead of
      // the limiter. Whether it is accepted unthrottled is open: only a 429 is judged.
      const bare = driver.mode === 'tenant' ? undefined : await need(driver.activeAction());
      const kept = bare && (await stateBeforeCall(driver, api, bare.id));
      await alignClock(driver, 'minute');
      expect(await callUntilThrottled(driver, client), NEVER_THROTTLED).toBeDefined();
      const res = await client.cancel(action.id, { Comment: 'conformance: throttled cancel' });
      serverFailureAside(driver, [res]);
      expect(res.status, 'the cancel right after a 429 is throttled too').toBe(429);
      // And under /api/v1.0, where a versioned route's limiter may run after its handler. Whether the
      // prefix shares /api's windows is open (docs/contract.md#rate-limit-keying): only a 429 is judged.
      const versioned =
        second &&
        (await client.cancel(second.id, { Comment: 'conformance: throttled cancel' }, { versioned: true }));
      const other =
        isolation && (await client.cancel(isolation.id, { Comment: 'conformance: throttled cancel' }));
      const uncommented = bare && (await client.cancel(bare.id, {}));
      await expectThrottledUnchanged(driver, api, action.id, before, res);
      if (isolation && held && other?.status === 429)
        await expectThrottledUnchanged(driver, api, isolation.id, held, other);
      if (second && was && versioned?.status === 429)
        await expectThrottledUnchanged(driver, api, second.id, was, versioned);
      if (bare && kept && uncommented?.status === 429)
        await expectThrottledUnchanged(driver, api, bare.id, kept, uncommented);
    },
  );
});
