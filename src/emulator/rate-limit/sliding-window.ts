import { type CallLog, HOUR_MS, MINUTE_MS, type Waits, type WindowLimits } from './call-log.ts';

// An exact log of accepted calls over the last hour (docs/contract.md#rate-window: sliding). A call counts
// in a window while it is less than the window's length old. The log never holds more than perHour
// entries, because calls beyond the limit are refused and not recorded.
export class SlidingWindowLog implements CallLog {
  readonly #times: number[] = [];
  // Index of the first call the minute window counts (forgetMinute() moves it past every call so far).
  #minuteFrom = 0;

  waits(nowMs: number, limits: WindowLimits): Waits {
    this.#prune(nowMs);
    const times = this.#times;
    const inMinute = times.length - Math.max(firstAfter(times, nowMs - MINUTE_MS), this.#minuteFrom);
    // The oldest call that has to leave the window before one more fits.
    const minuteMs =
      inMinute >= limits.perMinute ? times[times.length - limits.perMinute]! + MINUTE_MS - nowMs : 0;
    const hourMs =
      times.length >= limits.perHour ? times[times.length - limits.perHour]! + HOUR_MS - nowMs : 0;
    return { minuteMs, hourMs };
  }

  record(nowMs: number): void {
    this.#times.push(nowMs);
  }

  forgetMinute(): void {
    this.#minuteFrom = this.#times.length;
  }

  #prune(nowMs: number): void {
    const keepFrom = firstAfter(this.#times, nowMs - HOUR_MS);
    if (keepFrom > 0) this.#times.splice(0, keepFrom);
    this.#minuteFrom = Math.max(0, this.#minuteFrom - keepFrom);
  }
}

// Index of the first time strictly greater than `limit` (times ascend: the clock never goes back).
function firstAfter(times: number[], limit: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
