import type { MachineActionStatus } from '../../contract/index.ts';

// How the limits of the contract's x-rate-limit are applied: the throttle seam. The defaults are the
// contract; each throttle fault (faults/throttle-faults.ts, faults/retry-after-faults.ts) changes a field or two.
export interface ThrottlePolicy {
  // Added to the contract's per-minute limit (-1 throttles call 100, +1 lets call 101 through).
  minuteLimitOffset: number;
  // false: no hour limit at all.
  hourLimit: boolean;
  // Code of a 429 of the minute limit.
  minuteCode: string;
  // Code of a 429 of the hour limit.
  hourCode: string;
  // A fixed Retry-After for the minute limit, in seconds; null: the profile's reading.
  minuteRetryAfterSeconds: number | null;
  // true: each further 429 of the minute limit in a row doubles its Retry-After (a penalty).
  minuteRetryAfterDoubles: boolean;
  // Seconds the second 429 of the minute limit in a row (a caller that retried once too soon) takes
  // off the time its window needs (the contract: 0, the time it needs, as for the first).
  minuteRetryAfterAgainShortBy: number;
  // 'down': a Retry-After in seconds is the time left rounded down, so it may fall short of it by
  // under a second (the contract: 'up', never before the window takes a call again).
  retryAfterRounding: 'up' | 'down';
  // false: a 429 of the hour limit has no Retry-After.
  hourRetryAfter: boolean;
  // A fixed Retry-After for the hour limit, in seconds; null: the profile's reading.
  hourRetryAfterSeconds: number | null;
  // After a 429 the key stays refused this much longer than its Retry-After.
  stuckForMs: number;
  // Operations whose throttled calls still run before they are answered 429.
  runWhenThrottled: readonly string[];
  // The same for the hour limit's 429s only.
  runWhenHourThrottled: readonly string[];
  // The same under /api/v1.0 only (a versioned route whose limiter runs after its handler).
  runWhenThrottledVersioned: readonly string[];
  // Statuses of the caller's action whose throttled cancel still runs before it is answered 429 (a
  // running action's cancel handed to its device ahead of the limiter; the contract: none).
  runWhenThrottledStatuses: readonly MachineActionStatus[];
  // true: a throttled cancel whose body names no Comment ({} or no body) still runs before its 429 (a
  // path of its own for a cancel without a reason, taken before the limiter's answer); one with a
  // Comment changes nothing. The contract: false.
  runWhenThrottledUncommented: boolean;
  // Not null: a throttled cancel of an action of another type than this one still runs before its 429
  // (a cancel handed to its type's handler, when only this type's sits behind the limiter). The
  // contract: null.
  throttledOnlyType: string | null;
  // Operations whose throttled calls are queued and run once the window frees (when the 429's wait is
  // over), though the caller was answered 429: a cancel then shows that much later (the contract: none).
  queueWhenThrottled: readonly string[];
  // Calls past this many in the minute window are counted but answered 503 (a back end shedding
  // load before the limit), until the key's first 429; null: every call within the limit is served.
  minuteServedUpTo: number | null;
  // true: the windows are kept per token, not per app, so a new token of the same app starts afresh.
  perToken: boolean;
  // true: a 429 of the minute limit starts the minute window anew, so the calls right after it are
  // served (the contract: false; a call sooner than Retry-After is refused again).
  minuteResetOnThrottle: boolean;
  // true: one window per app for every operation, so reads use up the cancel's quota (the contract:
  // per operation, docs/contract.md#throttling: "per API").
  acrossOperations: boolean;
  // Operations whose 429s carry no Retry-After (a limiter of their own that sets none; the contract:
  // none, every 429 carries one).
  retryAfterOmittedOn: readonly string[];
  // A fixed Retry-After, in seconds, for the minute limit's 429s of these operations (a limiter of
  // their own with a wait of its own; the contract: none, the time the window needs).
  minuteRetryAfterSecondsOn: Readonly<Record<string, number>>;
  // Operations never counted nor throttled (a route registered without the limiter; the contract: none).
  unthrottled: readonly string[];
  // The same under /api/v1.0 only (a versioned route registered without the limiter; the contract: none).
  unthrottledVersioned: readonly string[];
  // Operations whose windows are kept per request URL, path and query (a limiter partitioned by the
  // path it guards), so a caller reading another id, or listing with another query, starts afresh (the
  // contract: none, per operation).
  perUrl: readonly string[];
}

export const CONTRACT_THROTTLE: ThrottlePolicy = {
  minuteLimitOffset: 0,
  hourLimit: true,
  minuteCode: 'TooManyRequests',
  hourCode: 'TooManyRequests',
  minuteRetryAfterSeconds: null,
  minuteRetryAfterDoubles: false,
  minuteRetryAfterAgainShortBy: 0,
  retryAfterRounding: 'up',
  hourRetryAfter: true,
  hourRetryAfterSeconds: null,
  stuckForMs: 0,
  runWhenThrottled: [],
  runWhenHourThrottled: [],
  runWhenThrottledVersioned: [],
  runWhenThrottledStatuses: [],
  runWhenThrottledUncommented: false,
  throttledOnlyType: null,
  queueWhenThrottled: [],
  minuteServedUpTo: null,
  perToken: false,
  minuteResetOnThrottle: false,
  acrossOperations: false,
  retryAfterOmittedOn: [],
  minuteRetryAfterSecondsOn: {},
  unthrottled: [],
  unthrottledVersioned: [],
  perUrl: [],
};
