import type { RateLimit } from '../../contract/index.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { FaultSet } from '../faults.ts';
import type { Profile } from '../profiles.ts';
import { type CallLog, MINUTE_MS, type WindowLimits } from './call-log.ts';
import { FixedWindowCounter } from './fixed-window.ts';
import { SlidingWindowLog } from './sliding-window.ts';

export type ThrottleDecision =
  | { throttled: false }
  | { throttled: true; limit: 'minute' | 'hour'; retryAfterSeconds: number };

interface KeyState {
  log: CallLog;
  // throttle-stuck fault: refused until then, whatever the windows say.
  stuckUntilMs: number;
}

// Most keys kept; the least recently used goes first. With 1500 timestamps at most per key, this
// bounds the sliding logs to a few tens of megabytes.
const MAX_KEYS = 5000;

// Counts calls per (tenant, app, operation) against the contract's x-rate-limit. A call that is
// refused is not recorded, so a 429 never extends the wait (interfaces.md section 3).
export class RateLimiter {
  readonly #keys = new Map<string, KeyState>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly windows: Profile['windows'],
    private readonly faults: FaultSet,
  ) {}

  // Decides one call and records it when it is let through.
  take(key: string, limit: RateLimit): ThrottleDecision {
    const nowMs = this.clock.now();
    const state = this.#state(key);
    const waits = state.log.waits(nowMs, this.#limits(limit));
    // When both windows block, the caller has to wait for the later one.
    const blockingMs = Math.max(waits.minuteMs, waits.hourMs);
    if (blockingMs > 0) {
      const limitHit = waits.hourMs > waits.minuteMs ? 'hour' : 'minute';
      const retryAfterSeconds = Math.max(1, Math.ceil(blockingMs / 1000));
      if (this.faults.has('throttle-stuck'))
        state.stuckUntilMs = nowMs + retryAfterSeconds * 1000 + MINUTE_MS;
      return { throttled: true, limit: limitHit, retryAfterSeconds };
    }
    if (nowMs < state.stuckUntilMs) return { throttled: true, limit: 'minute', retryAfterSeconds: 1 };
    state.log.record(nowMs);
    return { throttled: false };
  }

  clear(): void {
    this.#keys.clear();
  }

  #limits(limit: RateLimit): WindowLimits {
    let perMinute = limit.perMinute;
    if (this.faults.has('rate-minute-early')) perMinute -= 1;
    if (this.faults.has('rate-minute-late')) perMinute += 1;
    const perHour = this.faults.has('rate-hour-absent') ? Number.POSITIVE_INFINITY : limit.perHour;
    return { perMinute, perHour };
  }

  #state(key: string): KeyState {
    let state = this.#keys.get(key);
    if (state) {
      this.#keys.delete(key);
    } else {
      state = { log: this.#newLog(), stuckUntilMs: 0 };
      if (this.#keys.size >= MAX_KEYS) this.#keys.delete(this.#keys.keys().next().value!);
    }
    this.#keys.set(key, state);
    return state;
  }

  #newLog(): CallLog {
    if (this.windows === 'sliding') return new SlidingWindowLog();
    return new FixedWindowCounter(this.windows === 'fixed' ? 'first-call' : 'clock');
  }
}
