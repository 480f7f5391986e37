import type { Variant } from './variants.ts';

// The documented limits of every operation served here (docs/contract.md#rate-limits).
const WINDOWS = [
  { lengthMs: 60_000, max: 100 },
  { lengthMs: 3_600_000, max: 1500 },
] as const;

interface Window {
  startMs: number;
  count: number;
}

export type RateDecision = { ok: true } | { ok: false; waitMs: number };

// Fixed windows per tenant + app + operation (docs/interfaces.md#rate-limit-counting), opened by the
// first call or aligned to the clock's minutes and hours as the variant reads rate-window. A refused
// call is not counted, so a 429 never lengthens the wait.
export class RateLimiter {
  private windows = new Map<string, Window[]>();

  constructor(private readonly variant: Variant) {}

  reset(): void {
    this.windows = new Map();
  }

  take(key: string, nowMs: number): RateDecision {
    const current = WINDOWS.map((limit, i) => this.current(key, i, limit.lengthMs, nowMs));
    let waitMs = 0;
    WINDOWS.forEach((limit, i) => {
      const window = current[i]!;
      if (window.count < limit.max) return;
      if (waitMs > 0 && this.variant.retryAfterWhenBothFull === 'first') return;
      // retry-after-value: the time until this window closes, or conservatively a whole window.
      const wait =
        this.variant.retryAfterValue === 'whole-window'
          ? limit.lengthMs
          : window.startMs + limit.lengthMs - nowMs;
      waitMs = Math.max(waitMs, wait);
    });
    if (waitMs > 0) return { ok: false, waitMs };
    for (const window of current) window.count++;
    this.windows.set(key, current);
    return { ok: true };
  }

  private current(key: string, index: number, lengthMs: number, nowMs: number): Window {
    const kept = this.windows.get(key)?.[index];
    const startMs =
      this.variant.rateWindow === 'fixed-clock-aligned'
        ? Math.floor(nowMs / lengthMs) * lengthMs
        : kept && nowMs < kept.startMs + lengthMs
          ? kept.startMs
          : nowMs;
    return kept && kept.startMs === startMs ? kept : { startMs, count: 0 };
  }
}
