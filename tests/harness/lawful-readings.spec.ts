import { readUntil } from '../../src/harness/drivers/eventually.ts';
import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { expectUnchanged, untouched } from '../fixtures/action-state.ts';
import { notBefore } from '../fixtures/timestamps.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

// Comparisons of the conformance tests that must accept every lawful answer.
test('a cancellation time is compared with the creation time at the coarser precision of the two', () => {
  // Whole seconds on one field, seven digits on the other, cancelled within the same second.
  expect(notBefore('2026-12-02T10:00:00Z', '2026-12-02T10:00:00.6103056Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.610Z', '2026-12-02T10:00:00.6103056Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.600Z', '2026-12-02T10:00:00.6103056Z')).toBe(false);
  // A field rounded to whole seconds (up, here) may read later than a finer one of the same instant.
  expect(notBefore('2026-12-02T10:00:00.8000000Z', '2026-12-02T10:00:01Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.8Z', '2026-12-02T10:00:00.81Z')).toBe(true);
  // Really earlier stays earlier: a creation printed 10:00:01 was at 10:00:00.5 at the earliest.
  expect(notBefore('2026-12-02T09:59:59.9Z', '2026-12-02T10:00:01Z')).toBe(false);
  expect(notBefore('2026-12-02T10:00:00.1000000Z', '2026-12-02T10:00:01Z')).toBe(false);
  expect(notBefore('2026-12-02T10:00:00.5000000Z', '2026-12-02T10:00:01Z')).toBe(true);
  // Trailing zeros may be dropped (docs/contract.md#timestamp-precision), so equal digit counts do not
  // make two values alike. A creation at 10:00:00.9996 rounded to milliseconds prints 10:00:01(.000),
  // a cancellation at 10:00:00.9997 cut to whole seconds 10:00:00: lawful.
  expect(notBefore('2026-12-02T10:00:00Z', '2026-12-02T10:00:01Z')).toBe(true);
  // A creation at .60095 rounded to four digits prints .601(0); a cancellation at .60096 cut to three, .600.
  expect(notBefore('2026-12-02T10:00:00.600Z', '2026-12-02T10:00:00.601Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:00.0004Z', '2026-12-02T10:00:00.0005Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:01Z', '2026-12-02T10:00:01Z')).toBe(true);
  // More than a unit apart in the wrong order is wrong however each was made.
  expect(notBefore('2026-12-02T09:59:59Z', '2026-12-02T10:00:01Z')).toBe(false);
  expect(notBefore('2026-12-02T10:00:00.599Z', '2026-12-02T10:00:00.601Z')).toBe(false);
  // All seven digits, the finest a timestamp prints, are read exactly: a tick early is early.
  expect(notBefore('2026-12-02T10:00:01.0004999Z', '2026-12-02T10:00:01.0005000Z')).toBe(false);
  // ...and printed apart, a cut and a rounded value of one instant are not.
  expect(notBefore('2026-12-02T10:00:00.0006000Z', '2026-12-02T10:00:00.001Z')).toBe(true);
  expect(notBefore('2026-12-02T10:00:02.281957Z', '2026-12-02T10:00:02.2820Z')).toBe(true);
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

test("on a real device an active action's last update may move forward; on an emulator, or when final, it may not", () => {
  const at = (lastUpdateDateTimeUtc: string | null, status = 'InProgress') => ({
    status,
    lastUpdateDateTimeUtc,
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationDateTimeUtc: null,
  });
  const before = at('2026-12-02T10:00:00.1234567Z');
  const later = at('2026-12-02T10:00:15.0000000Z');
  expect(untouched(before, later, true)).toEqual(later);
  // Not known to move by itself (an emulator's action until seen to: untouchedOn): the call moved it.
  expect(untouched(before, later)).toEqual(before);
  // Backwards, or with a cancellation, is a change.
  expect(untouched(later, before, true)).toEqual(later);
  expect(untouched(before, { ...later, cancellationComment: 'x' }, true)).not.toEqual({
    ...later,
    cancellationComment: 'x',
  });
  // A last update not yet set (null: docs/contract.md#machine-action-fields) that a real device sets is
  // the same move forward; on an emulator, or taken back to null, it is a change.
  const unset = at(null, 'Pending');
  const set = at('2026-12-02T10:00:01.0000000Z', 'Pending');
  expect(untouched(unset, set, true)).toEqual(set);
  expect(untouched(unset, set)).toEqual(unset);
  expect(untouched(set, unset, true)).toEqual(set);
  // The same instant at another precision is the same.
  const succeeded = at('2026-12-02T10:00:00.6100000Z', 'Succeeded');
  expect(untouched(succeeded, at('2026-12-02T10:00:00.610Z', 'Succeeded'))).toEqual(
    at('2026-12-02T10:00:00.610Z', 'Succeeded'),
  );
  expect(untouched(succeeded, at('2026-12-02T10:00:05Z', 'Succeeded'), true)).toEqual(succeeded);
});

// On a tenant the GET quota may be shared: a throttled read decides nothing. An action gone past the
// bounded wait (a replica may lag it for a moment), or a server error from the API itself, may be what
// the refused call did: judged.
test('a read after the refused call that is throttled reaches no verdict; a lasting 404 or a 500 is judged', async () => {
  const driver = {
    mode: 'tenant',
    eventually: (read: () => Promise<unknown>, done: (value: unknown) => boolean) =>
      readUntil(read, done, async () => {}),
  } as unknown as TargetDriver;
  const reading = (status: number) =>
    ({ get: async () => answer(status, undefined) }) as unknown as ApiClient;
  const before = { status: 'Pending' };
  await expect(expectUnchanged(driver, reading(429), 'x', before)).rejects.toBeInstanceOf(PreconditionError);
  for (const status of [404, 500]) {
    const judged = await expectUnchanged(driver, reading(status), 'x', before).catch((e: Error) => e);
    expect(judged).not.toBeInstanceOf(PreconditionError);
    expect(String(judged)).toContain('must answer 200');
  }
});

// An emulator's seeded action keeps its status (the control protocol), not its last update: a lawful
// emulator may move that forward as a real device's reports do (docs/contract.md#machine-action-fields).
// A refused call is then judged as on a tenant; one whose action stays put is judged strictly.
test("an emulator whose active actions move their last update by themselves passes a refused call's check", async () => {
  const start = Date.parse('2026-12-02T10:00:00Z');
  let now = start;
  const action = (lastUpdateMs: number) => ({
    status: 'Pending',
    lastUpdateDateTimeUtc: new Date(lastUpdateMs).toISOString(),
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationDateTimeUtc: null,
  });
  const driver = {
    mode: 'embedded',
    advanceClock: async (seconds: number) => {
      now += seconds * 1000;
      return new Date(now);
    },
  } as unknown as TargetDriver;
  // A device reporting every second: the last update is the clock's time.
  const reporting = { get: async () => answer(200, action(now)) } as unknown as ApiClient;
  await expectUnchanged(driver, reporting, 'x', action(start));
  // An action that stays put but for one move, made by the refused call, is still a change.
  now = start;
  const touched = { get: async () => answer(200, action(start + 1000)) } as unknown as ApiClient;
  const judged = await expectUnchanged(driver, touched, 'x', action(start)).catch((e: Error) => e);
  expect(String(judged)).toContain('as the refused call found it');
});
