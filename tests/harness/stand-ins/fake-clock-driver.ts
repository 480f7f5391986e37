import { readUntil } from '../../../src/harness/drivers/eventually.ts';
import type { TargetDriver } from '../../../src/harness/drivers/target-driver.ts';

// A driver whose clock is a counter: eventually() pauses by moving it, as an emulator's does.
export function fakeDriver(startMs = Date.parse('2026-03-02T10:00:00.000Z')) {
  let nowMs = startMs;
  const moves: number[] = [];
  const driver = {
    clockNow: async () => new Date(nowMs),
    advanceClock: async (seconds: number) => {
      moves.push(seconds);
      nowMs += seconds * 1000;
      return new Date(nowMs);
    },
    eventually: <T>(read: () => Promise<T>, done: (v: T) => boolean) =>
      readUntil(read, done, (s) => driver.advanceClock(s)),
  };
  return { driver: driver as unknown as TargetDriver, moves, now: () => nowMs };
}
