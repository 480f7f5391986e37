import {
  alignClock,
  burst,
  CLOCK_MARGIN_MS,
  callUntilThrottled,
  expect,
  expectMinuteLimitOn,
  extendRateTimeout,
  MINUTE_LIMIT,
  MINUTE_TEST,
  minuteWindowEnd,
  NEVER_THROTTLED,
  notServed,
  QUIET_MINUTE_SECONDS,
  req,
  serverFailureAside,
  suite,
  test,
} from '../../fixtures/index.ts';

const CANCELLER = ['Machine.Scan'];
// The same, able to read as well (a tenant's freshIdentity is its operator, which is both).
const READER_CANCELLER = ['Machine.Scan', 'Machine.Read.All'];

// The cancel limit per minute, counted from a fresh window of a fresh identity.
suite('rate limit per minute', () => {
  test.beforeEach(({ driver }) => extendRateTimeout(driver, MINUTE_TEST));

  test(
    `calls 1 to ${MINUTE_LIMIT} in a minute are served and call ${MINUTE_LIMIT + 1} answers 429 TooManyRequests`,
    req('RATE.MINUTE'),
    async ({ driver, api, need }) => {
      const client = await need(driver.freshIdentity(READER_CANCELLER));
      // A read first, in the same window: an emulator counts per operation (docs/interfaces.md#rate-limit-counting),
      // so it takes none of the cancel's 100. Not on a tenant, where that reading of "per API" is inferred
      // (docs/contract.md#throttling): there the burst starts a quiet minute after the app's last read
      // (the clock's own), which one counting every operation together would count. Not judged.
      const tenant = driver.mode === 'tenant';
      const aligned = await alignClock(driver, 'minute', undefined, tenant ? QUIET_MINUTE_SECONDS : 0);
      if (!tenant) await client.list({ $top: 1 });
      const first = await burst(driver, client, MINUTE_LIMIT);
      serverFailureAside(driver, first);
      // Served, not only not throttled: a target that sheds calls 51 to 100 with a 503 serves 50. On a
      // tenant a 5xx is a passing failure, whose counting is open: no verdict (rate-server-failure.ts).
      const unserved = first.map(notServed).filter((why) => why !== undefined);
      expect(
        unserved.length,
        `calls 1 to ${MINUTE_LIMIT} are served (${unserved.length} were not; the first ${unserved[0]})`,
      ).toBe(0);
      // With a new token of the same app where the driver can ask for one: the limit counts per app
      // (docs/contract.md#rate-limit-keying), so a target that keeps its windows per token lets it through.
      const caller = (await driver.sameAppClient(client)) ?? client;
      const next = await caller.cancel(driver.unknownId(), {
        Comment: `conformance: call ${MINUTE_LIMIT + 1}`,
      });
      serverFailureAside(driver, [next]);
      expect(next).toBeErrorEnvelope(429, ['TooManyRequests']);
      // And call 102 at once: retrying sooner gets 429 again (docs/contract.md#throttling). While the
      // aligned minute lasts every lawful window still holds calls 1 to 100, so a window that starts
      // anew at its 429 (serving 200 calls a minute) is told from one that moved on.
      const again = await caller.cancel(driver.unknownId(), {
        Comment: `conformance: call ${MINUTE_LIMIT + 2}`,
      });
      serverFailureAside(driver, [again]);
      const left = minuteWindowEnd(aligned) - (await driver.clockNow()).getTime();
      if (left > CLOCK_MARGIN_MS) expect(again).toBeErrorEnvelope(429, ['TooManyRequests']);
      // The limit holds on every route it is documented for (docs/contract.md#rate-limits), each counted
      // by a fresh identity: a route registered without the limiter serves call 101. Emulators only: on
      // a tenant each route costs 101 calls of a quota the other tests share.
      if (tenant) return;
      const reader = await need(driver.freshIdentity(['Machine.Read.All']));
      const { id } = await need(driver.readableAction());
      // Call 101 (and the call after its wait) reads another action, and lists with another query: the
      // limit counts an operation's calls (docs/contract.md#throttling, "per API"), so a limiter
      // partitioned by the URL it guards, which throttles 101 reads of one id, serves a client reading
      // 101 actions a minute.
      const other = (await need(driver.activeAction())).id;
      const quiet = (yes: boolean) => (yes ? { record: 'quiet' as const } : {});
      const read = (q: boolean) => (q ? id : other);
      const page = (q: boolean) => (q ? { $top: 1 } : { $top: 2 });
      await expectMinuteLimitOn(driver, 'a GET', (q) => reader.get(read(q), quiet(q)));
      const lister = await need(driver.freshIdentity(['Machine.Read.All']));
      await expectMinuteLimitOn(driver, 'the list', (q) => lister.list(page(q), quiet(q)));
      // And the GET and the list under /api/v1.0, where the prefix serves them (the operator's read there
      // answers 200): a versioned read route may be registered without the limiter.
      const versioned = { versioned: true } as const;
      if ((await api.get(id, versioned)).status === 200) {
        const vReader = await need(driver.freshIdentity(['Machine.Read.All']));
        await expectMinuteLimitOn(driver, 'a GET under /api/v1.0', (q) =>
          vReader.get(read(q), { ...versioned, ...quiet(q) }),
        );
      }
      if ((await api.list({ $top: 1 }, versioned)).status === 200) {
        const vLister = await need(driver.freshIdentity(['Machine.Read.All']));
        await expectMinuteLimitOn(driver, 'the list under /api/v1.0', (q) =>
          vLister.list(page(q), { ...versioned, ...quiet(q) }),
        );
      }
      // And the cancel under /api/v1.0, where the prefix serves one (the operator's cancel of an active
      // action there answers 200): a target without the prefix is PATH.VERSIONED's to judge.
      const active = await need(driver.activeAction());
      const probe = await api.cancel(active.id, { Comment: 'conformance: rate probe' }, versioned);
      if (probe.status !== 200) return;
      const canceller = await need(driver.freshIdentity(CANCELLER));
      await expectMinuteLimitOn(driver, 'a cancel under /api/v1.0', (q) =>
        canceller.cancel(
          driver.unknownId(),
          { Comment: 'conformance: rate' },
          { versioned: true, ...quiet(q) },
        ),
      );
    },
  );

  test(
    'a 429 of the minute limit carries a Retry-After above 0 and at most 60 seconds',
    req('RATE.RETRYAFTER'),
    async ({ driver, need }) => {
      const client = await need(driver.freshIdentity(CANCELLER));
      await alignClock(driver, 'minute');
      const throttled = await callUntilThrottled(driver, client);
      expect(throttled, NEVER_THROTTLED).toBeDefined();
      expect(throttled!).toHaveRetryAfter({ above: 0, atMost: 60 });
      // Every 429, not only the first: a call refused again right after is bounded the same way (one
      // that is served, its window having just moved on, has nothing to judge).
      const again = await client.cancel(driver.unknownId(), { Comment: 'conformance: throttled again' });
      if (again.status === 429) expect(again).toHaveRetryAfter({ above: 0, atMost: 60 });
      // And under /api/v1.0, where a versioned route may be throttled by a limiter of its own: a 429 there
      // is bounded the same way (one served, or a 404 from a target without the prefix, has nothing to judge).
      const versioned = await client.cancel(
        driver.unknownId(),
        { Comment: 'conformance: throttled under /api/v1.0' },
        { versioned: true },
      );
      if (versioned.status === 429)
        expect(versioned, 'a 429 under /api/v1.0').toHaveRetryAfter({ above: 0, atMost: 60 });
      // And a GET's 429 (its limit is documented too, docs/contract.md#rate-limits): a read route may sit
      // behind a limiter of its own. Emulators only: on a tenant the reads would spend the minute's GET
      // quota every other test shares. A target that serves them all has nothing to judge here.
      // An action that exists: the reads judge the limit, not how an unknown id is answered.
      if (driver.mode === 'tenant') return;
      const reader = await need(driver.freshIdentity(['Machine.Read.All']));
      const { id } = await need(driver.readableAction());
      await alignClock(driver, 'minute');
      const reads = await Promise.all(
        Array.from({ length: MINUTE_LIMIT + 1 }, () => reader.get(id, { record: 'quiet' })),
      );
      const read = reads.find((res) => res.status === 429);
      if (read) expect(read, "a GET's 429").toHaveRetryAfter({ above: 0, atMost: 60 });
      // And the list's, whose route may have a limiter of its own as well.
      const lister = await need(driver.freshIdentity(['Machine.Read.All']));
      await alignClock(driver, 'minute');
      const lists = await Promise.all(
        Array.from({ length: MINUTE_LIMIT + 1 }, () => lister.list({ $top: 1 }, { record: 'quiet' })),
      );
      const listed = lists.find((res) => res.status === 429);
      if (listed) expect(listed, "a list's 429").toHaveRetryAfter({ above: 0, atMost: 60 });
    },
  );
});
