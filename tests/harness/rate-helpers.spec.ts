import { expect, test } from '@playwright/test';
import { waitAfter } from '../fixtures/rate-limit.ts';
import { answer } from './answers.ts';

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
  expect(waitAfter(batch)).toBe(2);
  // Answered at the same moment: the later in the array.
  expect(waitAfter([at(0, 429, '3'), at(0, 429, '4')])).toBe(4);
  expect(waitAfter([at(0, 404)])).toBe(60);
});
