import { type CallLog, HOUR_MS, MINUTE_MS, type Waits, type WindowLimits } from './call-log.ts';

// Counters that reset when their window ends (docs/contract.md#rate-window: fixed-from-first-call
// and fixed-clock-aligned). 'first-call': a window opens with the first call after the previous one
// closed, so "100 calls from a fresh window" holds whenever the suite starts. 'clock': windows are
// clock minutes and hours; a window can then close in the middle of a test, so a suite must align the
// clock before counting.
export type WindowAnchor = 'first-call' | 'clock';

interface Counter {
  startMs: number;
  count: number;
}

export class FixedWindowCounter implements CallLog {
  readonly #minute: Counter = { startMs: Number.NEGATIVE_INFINITY, count: 0 };
  readonly #hour: Counter = { startMs: Number.NEGATIVE_INFINITY, count: 0 };

  constructor(private readonly anchor: WindowAnchor) {}

  waits(nowMs: number, limits: WindowLimits): Waits {
    return {
      minuteMs: this.#wait(this.#minute, MINUTE_MS, limits.perMinute, nowMs),
      hourMs: this.#wait(this.#hour, HOUR_MS, limits.perHour, nowMs),
    };
  }

  record(nowMs: number): void {
    this.#count(this.#minute, MINUTE_MS, nowMs);
    this.#count(this.#hour, HOUR_MS, nowMs);
  }

  forgetMinute(): void {
    this.#minute.count = 0;
  }

  #wait(counter: Counter, lengthMs: number, limit: number, nowMs: number): number {
    const endMs = counter.startMs + lengthMs;
    if (nowMs >= endMs || counter.count < limit) return 0;
    return endMs - nowMs;
  }

  #count(counter: Counter, lengthMs: number, nowMs: number): void {
    if (nowMs >= counter.startMs + lengthMs) {
      counter.startMs = this.anchor === 'clock' ? Math.floor(nowMs / lengthMs) * lengthMs : nowMs;
      counter.count = 0;
    }
    counter.count += 1;
  }
}
