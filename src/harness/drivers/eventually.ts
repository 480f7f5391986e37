// What the contract lets appear "shortly after" (a cancel on a later read, docs/contract.md#cancel-answer-status;
// a new action on GET, docs/contract.md#hosts) is read again with growing pauses of the target's time,
// SETTLE_BOUND_SECONDS in all. On a tenant the pauses are real waits; on an emulator its virtual clock
// moves instead, so nothing sleeps. Each driver supplies the pause; the schedule is the same for all.

// The schedule lives in the contract: docs/contract.md#cancel-visible-after is counted on it.
import { SETTLE_PAUSES_SECONDS } from '../../contract/settle-schedule.ts';

export { SETTLE_BOUND_SECONDS, SETTLE_PAUSES_SECONDS } from '../../contract/settle-schedule.ts';

export interface Settled<T> {
  // The last value read: the one that settled, or the one at the bound.
  value: T;
  settled: boolean;
  // Target time paused in all (0 when the first read settled).
  waitedSeconds: number;
  reads: number;
}

// Reads until `done` holds or the pauses are used up; pauses only between reads, never after the last.
// A value `stop` holds ends the reads at once, unsettled (a tenant's 429: reading on would ignore its
// Retry-After and spend the quota it asks to spare).
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  pause: (seconds: number) => Promise<unknown>,
  pauses: readonly number[] = SETTLE_PAUSES_SECONDS,
  stop: (value: T) => boolean = () => false,
): Promise<Settled<T>> {
  let value = await read();
  let reads = 1;
  let waitedSeconds = 0;
  for (const seconds of pauses) {
    if (done(value)) return { value, settled: true, waitedSeconds, reads };
    if (stop(value)) return { value, settled: false, waitedSeconds, reads };
    await pause(seconds);
    waitedSeconds += seconds;
    value = await read();
    reads++;
  }
  return { value, settled: done(value), waitedSeconds, reads };
}
