import { expect, test } from '@playwright/test';
import { untouched } from '../fixtures/action-state.ts';
import { notBefore } from '../fixtures/timestamps.ts';

// Comparisons of the conformance tests that must accept every lawful answer.
test('a cancellation time is compared with the creation time at the coarser precision of the two', () => {
  // Whole seconds on one field, seven digits on the other, cancelled within the same second.
  expect(notBefore('2026-12-02T10:00:00Z', '2026-12-02T10:00:00.6103056Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.610Z', '2026-12-02T10:00:00.6103056Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.600Z', '2026-12-02T10:00:00.6103056Z')).toBe(false);
  // Really earlier stays earlier.
  expect(notBefore('2026-12-02T09:59:59Z', '2026-12-02T10:00:00.6103056Z')).toBe(false);
  expect(notBefore('2026-12-02T10:00:00.5000000Z', '2026-12-02T10:00:00.6103056Z')).toBe(false);
});

test("an action's own lifecycle may move on between two reads; a cancellation may not appear", () => {
  const before = {
    status: 'Pending',
    lastUpdateDateTimeUtc: 't0',
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationDateTimeUtc: null,
  };
  const started = { ...before, status: 'InProgress', lastUpdateDateTimeUtc: 't1' };
  expect(untouched(before, started)).toEqual(started);
  const cancelled = { ...before, status: 'Cancelled', lastUpdateDateTimeUtc: 't1', cancellationComment: 'x' };
  expect(untouched(before, cancelled)).not.toEqual(cancelled);
  // A final action never moves.
  const succeeded = { ...before, status: 'Succeeded' };
  expect(untouched(succeeded, { ...succeeded, status: 'Failed' })).toEqual(succeeded);
});
