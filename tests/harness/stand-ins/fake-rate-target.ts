import { randomUUID } from 'node:crypto';
import type { TargetDriver } from '../../../src/harness/drivers/target-driver.ts';
import type { ApiClient } from '../../../src/harness/http/api-client.ts';
import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { answer } from './answers.ts';

// A target with the cancel operation's limits (100 a minute, 1500 an hour) in one of the lawful windows
// and Retry-After readings (docs/contract.md#rate-window, #retry-after-value), for the rate helpers'
// unit tests. Its clock is a counter. The calls of burst b (counting bursts of more than one call) arrive
// `spread(b, k)` ms after it starts, as a tenant's may, and are decided in the order they arrive; a
// single call arrives at once. A refused call is not counted, unless `countsThrottled`.

export type Window = 'sliding' | 'fixed-from-first-call' | 'fixed-clock-aligned';

export interface RateTargetOptions {
  window: Window;
  retryAfter: 'time-remaining' | 'whole-window';
  // When call k of burst b arrives, in ms after the burst starts (default: 1 ms apart).
  spread?: (b: number, k: number) => number;
  perMinute?: number;
  hourLimit?: number;
  // Breaks the target: Retry-After always says this many seconds.
  fixedRetryAfter?: number;
  hourWithoutRetryAfter?: boolean;
  // A call answered 429 counts too, in both windows or in the hour's only (lawful on a tenant, not on
  // an emulator).
  countsThrottled?: 'both' | 'hour';
  mode?: 'emulator' | 'tenant';
  // Call n (counting from 1) fails with 500 InternalServerError, a server failure worth retrying
  // (docs/contract.md#error-codes); counted in the windows only with `countsFailed`.
  failsAt?: (call: number) => boolean;
  countsFailed?: boolean;
  // Retry-After as an HTTP-date rounded up to the second, read against a Date this many ms behind the
  // clock (Kestrel's cached Date lags up to a second: docs/contract.md#retry-after-form).
  httpDateLagMs?: number;
}

const LATENCY_MS = 20;

export function rateTarget(options: RateTargetOptions, startMs = Date.parse('2026-03-02T10:00:02.000Z')) {
  let now = startMs;
  let bursts = 0;
  let calls = 0;
  let waits = 0;
  let group: { resolve: (res: Exchange) => void; call: number }[] = [];
  const limits = [
    { ms: 60_000, max: options.perMinute ?? 100, log: [] as number[], start: -Infinity },
    { ms: 3_600_000, max: options.hourLimit ?? 1500, log: [] as number[], start: -Infinity },
  ];

  // Ms until the window takes one more call at `at` (0: it takes it now).
  function waitOf(w: (typeof limits)[number], at: number): number {
    if (options.window === 'sliding') {
      const inside = w.log.filter((t) => t > at - w.ms);
      return inside.length < w.max ? 0 : inside[inside.length - w.max]! + w.ms - at;
    }
    if (at >= w.start + w.ms) {
      w.start = options.window === 'fixed-clock-aligned' ? Math.floor(at / w.ms) * w.ms : at;
      w.log = [];
    }
    return w.log.length < w.max ? 0 : w.start + w.ms - at;
  }

  function decide(at: number, call: number): Exchange {
    if (options.failsAt?.(call)) {
      if (options.countsFailed) for (const w of limits) w.log.push(at);
      return { ...answer(500, { error: { code: 'InternalServerError' } }), receivedAt: at + LATENCY_MS };
    }
    const waits = limits.map((w) => waitOf(w, at));
    const blocking = waits.indexOf(Math.max(...waits));
    const res = (status: number, headers: Record<string, string> = {}) => ({
      ...answer(status, status === 429 ? { error: { code: 'TooManyRequests' } } : {}, headers),
      receivedAt: at + LATENCY_MS,
    });
    if (waits[blocking]! <= 0) {
      for (const w of limits) w.log.push(at);
      return res(404);
    }
    if (options.countsThrottled === 'both') for (const w of limits) w.log.push(at);
    if (options.countsThrottled === 'hour') limits[1]!.log.push(at);
    // A target that counts this 429 says when a call is taken with it counted: a Retry-After read
    // before would name a moment its own refusal still fills (a call made then is refused again).
    const untilFree = options.countsThrottled ? limits.map((w) => waitOf(w, at)) : waits;
    const whole = options.retryAfter === 'whole-window' ? limits[blocking]!.ms : untilFree[blocking]!;
    const seconds = options.fixedRetryAfter ?? Math.max(1, Math.ceil(whole / 1000));
    // Breaks the target: the hour limit's 429s without Retry-After.
    if (options.hourWithoutRetryAfter && blocking === 1) return res(429);
    if (options.httpDateLagMs === undefined) return res(429, { 'retry-after': String(seconds) });
    const date = new Date(at - options.httpDateLagMs).toUTCString();
    return res(429, { date, 'retry-after': new Date(Math.ceil((at + whole) / 1000) * 1000).toUTCString() });
  }

  // The calls of one burst, decided in the order they arrive once all have been sent.
  function flush(): void {
    const b = group.length > 1 ? bursts++ : -1;
    const spread = (k: number) => (b < 0 ? 0 : (options.spread?.(b, k) ?? k));
    const arrivals = group.map(({ resolve, call }, k) => ({ resolve, call, at: now + spread(k) }));
    group = [];
    arrivals.sort((x, y) => x.at - y.at);
    for (const { resolve, call, at } of arrivals) {
      const res = decide(at, call);
      now = Math.max(now, res.receivedAt);
      resolve(res);
    }
  }

  const client = {
    cancel: () =>
      new Promise<Exchange>((resolve) => {
        calls++;
        if (group.length === 0) queueMicrotask(flush);
        group.push({ resolve, call: calls });
      }),
  } as unknown as ApiClient;
  const driver = {
    mode: options.mode ?? 'emulator',
    unknownId: () => randomUUID(),
    clockNow: async () => new Date(now),
    advanceClock: async (seconds: number) => {
      waits++;
      now += seconds * 1000;
      return new Date(now);
    },
  } as unknown as TargetDriver;
  return { client, driver, now: () => now, calls: () => calls, waits: () => waits };
}
