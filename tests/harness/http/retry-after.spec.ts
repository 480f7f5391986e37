import { retryAfterOf } from '../../../src/harness/http/exchange.ts';
import { checkExchange } from '../../../src/harness/http/exchange-checks.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

// docs/contract.md#retry-after-form: delta-seconds or an HTTP-date, read against the target's clock.
const throttled = (headers: Record<string, string>) =>
  answer(429, { error: { code: 'TooManyRequests' } }, headers);

test('delta-seconds is read as it is', () => {
  expect(retryAfterOf(throttled({ 'retry-after': '17' }))).toBe(17);
});

test("an HTTP-date is measured from the answer's Date header, the target's (maybe virtual) clock", () => {
  const headers = { 'retry-after': 'Sat, 01 Jan 2000 00:00:30 GMT', date: 'Sat, 01 Jan 2000 00:00:00 GMT' };
  expect(retryAfterOf(throttled(headers))).toBe(30);
});

test('an HTTP-date without a Date header is measured from when the answer arrived, never from the wall clock', () => {
  // answers.ts receives at 2026-11-26T10:00:00Z.
  expect(retryAfterOf(throttled({ 'retry-after': 'Thu, 26 Nov 2026 10:00:45 GMT' }))).toBe(45);
});

test('an HTTP-date in an obsolete form is an HTTP-date too, read against the Date header', () => {
  // RFC 9110 §5.6.7: recipients must accept rfc850-date and asctime-date. Read as "no Retry-After",
  // they failed RATE.RETRYAFTER and RATE.HOUR on a target that said exactly how long to wait.
  const date = 'Sat, 05 Dec 2026 00:39:20 GMT';
  expect(retryAfterOf(throttled({ 'retry-after': 'Saturday, 05-Dec-26 00:40:00 GMT', date }))).toBe(40);
  expect(retryAfterOf(throttled({ 'retry-after': 'Sat Dec  5 00:40:00 2026', date }))).toBe(40);
});

test('an unreadable value is no Retry-After', () => {
  expect(retryAfterOf(throttled({ 'retry-after': 'soon' }))).toBeUndefined();
  expect(retryAfterOf(throttled({}))).toBeUndefined();
});

// RATE.RETRYAFTER: "above zero". A 429 that says to wait 0 s tells a client to retry at once, into the
// same 429: a violation, as a missing header is.
test('a throttled answer that says to wait 0 s, or no time at all, violates RATE.RETRYAFTER', () => {
  const judged = (headers: Record<string, string>) =>
    checkExchange(throttled(headers)).filter((v) => v.id === 'RATE.RETRYAFTER');
  expect(judged({ 'retry-after': '0' })).toHaveLength(1);
  expect(
    judged({ 'retry-after': 'Sat, 01 Jan 2000 00:00:00 GMT', date: 'Sat, 01 Jan 2000 00:00:00 GMT' }),
  ).toHaveLength(1);
  expect(judged({ 'retry-after': '1' })).toEqual([]);
});
