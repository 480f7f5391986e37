import type { RateLimit, Readings } from '../../contract/index.ts';
import type { CallLog, WindowLimits } from './call-log.ts';
import { FixedWindowCounter } from './fixed-window.ts';
import { SlidingWindowLog } from './sliding-window.ts';
import type { ThrottlePolicy } from './throttle-policy.ts';

export type ThrottleDecision =
  // shed: let through and counted, but answered 503 (throttle policy minuteServedUpTo).
  | { throttled: false; shed?: boolean }
  // waitMs: exactly how long until the blocking window takes one more call.
  // refusedInRow: how many calls of the key in a row have been refused, this one included.
  | { throttled: true; limit: 'minute' | 'hour'; waitMs: number; refusedInRow: number };

interface KeyState {
  log: CallLog;
  // A stuck key (throttle policy stuckForMs) is refused until then, whatever the windows say.
  stuckUntilMs: number;
  refusedInRow: number;
  // The key has been answered 429 once (the shedding fault sheds only before that).
  throttledOnce: boolean;
}

// Most keys kept; the least recently used goes first. With 1500 timestamps at most per key, this
// bounds the sliding logs to a few tens of megabytes.
const MAX_KEYS = 5000;

// Counts calls per (tenant, app, operation) against the contract's x-rate-limit, in the profile's
// windows (docs/contract.md#rate-window). A call that is refused is not recorded, so a 429 never
// extends the wait (docs/interfaces.md#rate-limit-counting).
export class RateLimiter {
  readonly #keys = new Map<string, KeyState>();

  constructor(
    private readonly window: Readings['rate-window'],
    private readonly policy: ThrottlePolicy,
  ) {}

  // Decides one call at nowMs and records it when it is let through.
  take(key: string, limit: RateLimit, nowMs: number): ThrottleDecision {
    const state = this.#state(key);
    const waits = state.log.waits(nowMs, this.#limits(limit));
    // When both windows block, the caller has to wait for the later one.
    const waitMs = Math.max(waits.minuteMs, waits.hourMs);
    if (waitMs > 0) {
      if (this.policy.stuckForMs > 0)
        state.stuckUntilMs = nowMs + Math.max(1, Math.ceil(waitMs / 1000)) * 1000 + this.policy.stuckForMs;
      const limit = waits.hourMs > waits.minuteMs ? 'hour' : 'minute';
      if (limit === 'minute' && this.policy.minuteResetOnThrottle) state.log.forgetMinute();
      state.throttledOnce = true;
      return { throttled: true, limit, waitMs, refusedInRow: ++state.refusedInRow };
    }
    if (nowMs < state.stuckUntilMs)
      return { throttled: true, limit: 'minute', waitMs: 1000, refusedInRow: ++state.refusedInRow };
    state.refusedInRow = 0;
    // Before the first 429 alone: after it, a burst that took over a second leaves more than that many
    // calls in the window a Retry-After wait ends, and the call RATE.RECOVER judges was shed by chance.
    const served = state.throttledOnce ? null : this.policy.minuteServedUpTo;
    const shed =
      served !== null &&
      state.log.waits(nowMs, { perMinute: served, perHour: Number.POSITIVE_INFINITY }).minuteMs > 0;
    state.log.record(nowMs);
    return shed ? { throttled: false, shed } : { throttled: false };
  }

  clear(): void {
    this.#keys.clear();
  }

  #limits(limit: RateLimit): WindowLimits {
    return {
      perMinute: limit.perMinute + this.policy.minuteLimitOffset,
      perHour: this.policy.hourLimit ? limit.perHour : Number.POSITIVE_INFINITY,
    };
  }

  #state(key: string): KeyState {
    let state = this.#keys.get(key);
    if (state) {
      this.#keys.delete(key);
    } else {
      state = { log: this.#newLog(), stuckUntilMs: 0, refusedInRow: 0, throttledOnce: false };
      if (this.#keys.size >= MAX_KEYS) this.#keys.delete(this.#keys.keys().next().value!);
    }
    this.#keys.set(key, state);
    return state;
  }

  #newLog(): CallLog {
    if (this.window === 'sliding') return new SlidingWindowLog();
    return new FixedWindowCounter(this.window === 'fixed-from-first-call' ? 'first-call' : 'clock');
  }
}
