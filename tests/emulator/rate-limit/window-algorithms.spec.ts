import { FixedWindowCounter } from '../../../src/emulator/rate-limit/fixed-window.ts';
import { SlidingWindowLog } from '../../../src/emulator/rate-limit/sliding-window.ts';
import { expect, test } from '../../helpers/api-test.ts';

const limits = { perMinute: 3, perHour: 5 };

test.describe('sliding window log', () => {
  test('blocks the call after the minute limit until the oldest call is 60 s old', () => {
    const log = new SlidingWindowLog();
    for (const t of [0, 10_000, 20_000]) log.record(t);
    expect(log.waits(30_000, limits)).toEqual({ minuteMs: 30_000, hourMs: 0 });
    expect(log.waits(60_000, limits).minuteMs).toBe(0);
  });

  test('blocks after the hour limit until the oldest call is an hour old', () => {
    const log = new SlidingWindowLog();
    for (const t of [0, 100_000, 200_000, 300_000, 400_000]) log.record(t);
    expect(log.waits(500_000, limits)).toEqual({ minuteMs: 0, hourMs: 3_100_000 });
    expect(log.waits(3_600_000, limits).hourMs).toBe(0);
  });
});

test.describe('fixed window counter', () => {
  test('a first-call window opens with the first call and resets when it ends', () => {
    const counter = new FixedWindowCounter('first-call');
    for (const t of [45_000, 50_000, 55_000]) counter.record(t);
    expect(counter.waits(56_000, limits).minuteMs).toBe(49_000);
    expect(counter.waits(105_000, limits).minuteMs).toBe(0);
  });

  test('a clock-aligned window ends on the minute boundary', () => {
    const counter = new FixedWindowCounter('clock');
    for (const t of [45_000, 50_000, 55_000]) counter.record(t);
    expect(counter.waits(56_000, limits).minuteMs).toBe(4_000);
    expect(counter.waits(60_000, limits).minuteMs).toBe(0);
  });

  // Windows are half-open: a call at the very millisecond one ends opens the next (first-call), or
  // counts in the next aligned one (clock), and is limited there.
  test('a call exactly at the end of a window counts in the next one', () => {
    const first = new FixedWindowCounter('first-call');
    for (const t of [0, 1, 2, 60_000, 60_001, 60_001]) first.record(t);
    expect(first.waits(60_002, limits).minuteMs).toBe(59_998);
    const clock = new FixedWindowCounter('clock');
    for (const t of [0, 1, 2, 60_000, 60_001, 60_001]) clock.record(t);
    expect(clock.waits(60_002, limits).minuteMs).toBe(59_998);
  });

  test('the hour counter blocks across minute windows', () => {
    const counter = new FixedWindowCounter('first-call');
    for (const t of [0, 1, 61_000, 61_001, 122_000]) counter.record(t);
    expect(counter.waits(130_000, limits).hourMs).toBe(3_600_000 - 130_000);
  });
});

// Only the throttle fault rate-minute-resets-on-429 forgets a minute: the hour keeps its calls.
test('forgetMinute() empties the minute window and keeps the hour, in every algorithm', () => {
  for (const log of [
    new SlidingWindowLog(),
    new FixedWindowCounter('first-call'),
    new FixedWindowCounter('clock'),
  ]) {
    for (const t of [1_000, 2_000, 3_000]) log.record(t);
    expect(log.waits(4_000, limits).minuteMs).toBeGreaterThan(0);
    log.forgetMinute();
    expect(log.waits(4_000, limits).minuteMs).toBe(0);
    for (const t of [4_000, 5_000]) log.record(t);
    expect(log.waits(6_000, limits)).toEqual(expect.objectContaining({ minuteMs: 0 }));
    expect(log.waits(6_000, limits).hourMs).toBeGreaterThan(0);
  }
});
