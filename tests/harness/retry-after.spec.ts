import { retryAfterOf } from '../../src/harness/http/exchange.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

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

test('an unreadable value is no Retry-After', () => {
  expect(retryAfterOf(throttled({ 'retry-after': 'soon' }))).toBeUndefined();
  expect(retryAfterOf(throttled({}))).toBeUndefined();
});
