import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import { callUntilThrottled, lastThrottled, waitAfter } from '../fixtures/rate-limit.ts';
import { serverFailureAside } from '../fixtures/rate-server-failure.ts';
import { expect, test } from '../helpers/api-test.ts';
import { takeNoVerdicts } from '../helpers/no-verdicts.ts';
import { answer } from './answers.ts';
import { rateTarget } from './fake-rate-target.ts';

// The rate tests' wait after a 429 (tests/fixtures/rate-limit.ts).
const at = (receivedAt: number, status: number, retryAfter?: string) => ({
  ...answer(status, {}, retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
  receivedAt,
});

test('after one 429 the wait is its Retry-After, or a minute when it gives none usable', () => {
  expect(waitAfter(at(0, 429, '17'))).toBe(17);
  expect(waitAfter(at(0, 429))).toBe(60);
  expect(waitAfter(at(0, 429, '0'))).toBe(60);
});

test('after a burst the wait is that of the 429 answered last, not of the first in the array', () => {
  // RATE.HOUR on a sliding window (docs/contract.md#rate-window): the burst's first 429 named a slot
  // that its later calls took; the one answered last names the slot that is really next.
  const batch = [at(100, 404), at(250, 429, '1'), at(400, 429, '2'), at(300, 429, '1'), at(500, 404)];
  expect(waitAfter(lastThrottled(batch)!)).toBe(2);
  // Answered at the same moment: the later in the array.
  expect(waitAfter(lastThrottled([at(0, 429, '3'), at(0, 429, '4')])!)).toBe(4);
  // No 429 at all: nothing to wait on (the hour count then reports the round got no 429).
  expect(lastThrottled([at(0, 404)])).toBeUndefined();
});

test('the 429 to wait on is the one answered last, whatever its place in the burst', () => {
  const at = (receivedAt: number, status = 429) => ({ ...answer(status, {}), receivedAt });
  const batch = [at(30), at(10), at(50, 404), at(40), at(20)];
  expect(lastThrottled(batch)).toBe(batch[3]);
  expect(lastThrottled([at(5, 404)])).toBeUndefined();
});

test.describe('a server failure among the calls a rate test makes', () => {
  // A tenant answering 500 to every call: no 429 came, but nothing says the limit is missing.
  test('on a tenant, calling until throttled and meeting only 5xx is no verdict', async () => {
    const target = rateTarget({
      window: 'sliding',
      retryAfter: 'time-remaining',
      mode: 'tenant',
      failsAt: () => true,
    });
    const error = await callUntilThrottled(target.driver, target.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(takeNoVerdicts()).toHaveLength(1);
  });

  test('on an emulator, calling until throttled and meeting only 5xx finds no 429', async () => {
    const target = rateTarget({ window: 'sliding', retryAfter: 'time-remaining', failsAt: () => true });
    expect(await callUntilThrottled(target.driver, target.client)).toBeUndefined();
  });

  test('on a tenant one 5xx among the calls a verdict rests on ends the test without one', async () => {
    const tenant = rateTarget({ window: 'sliding', retryAfter: 'time-remaining', mode: 'tenant' }).driver;
    const answers = [answer(404, {}), answer(500, { error: { code: 'InternalServerError' } })];
    expect(() => serverFailureAside(tenant, answers)).toThrow(PreconditionError);
    expect(takeNoVerdicts()).toHaveLength(1);
    // Nothing failed: nothing to set aside.
    serverFailureAside(tenant, [answer(404, {}), answer(429, {})]);
    // An emulator's 5xx is its answer, judged by the test (a fault sheds calls with 503).
    const emulator = rateTarget({ window: 'sliding', retryAfter: 'time-remaining' }).driver;
    serverFailureAside(emulator, answers);
    expect(takeNoVerdicts()).toHaveLength(0);
  });
});
