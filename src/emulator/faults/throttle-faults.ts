import type { ThrottleFault } from './fault-entry.ts';

// Faults of the rate limits (the throttle seam: rate-limit/throttle-policy.ts).
export const THROTTLE_FAULTS = [
  {
    name: 'rate-minute-early',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description: 'The minute limit throttles call 100 instead of call 101.',
    throttle: { minuteLimitOffset: -1 },
  },
  {
    name: 'rate-minute-late',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description: 'The minute limit lets call 101 through and throttles call 102.',
    throttle: { minuteLimitOffset: 1 },
  },
  {
    name: 'rate-wrong-code',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description: "A 429 of the minute limit carries code 'Throttled'.",
    throttle: { minuteCode: 'Throttled' },
  },
  {
    // A quota of its own behind the hour limit, which words its 429 apart: a client that backs off on
    // the documented code (docs/contract.md#throttling) keeps calling.
    name: 'rate-hour-wrong-code',
    seam: 'throttle',
    breaks: ['RATE.HOUR'],
    description:
      "A 429 of the hour limit carries code 'QuotaExceeded'; the minute limit's carry TooManyRequests.",
    throttle: { hourCode: 'QuotaExceeded' },
  },
  {
    name: 'rate-keyed-per-token',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      'The limits count per token, not per app: a new token of the same app starts a fresh window.',
    throttle: { perToken: true },
  },
  {
    // Call 101 is refused as it should be, so RATE.MINUTE's count alone did not see it.
    name: 'rate-minute-resets-on-429',
    seam: 'throttle',
    breaks: ['RATE.MINUTE', 'RATE.NOEFFECT'],
    description:
      'A 429 of the minute limit starts the minute window anew: call 101 is refused, calls 102 to 201 of the same minute are served.',
    throttle: { minuteResetOnThrottle: true },
  },
  {
    name: 'rate-shared-across-operations',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      "The limits count an app's calls of every operation together: its reads use up its cancel's 100 a minute.",
    throttle: { acrossOperations: true },
  },
  {
    name: 'rate-hour-absent',
    seam: 'throttle',
    breaks: ['RATE.HOUR'],
    description: 'There is no hour limit.',
    throttle: { hourLimit: false },
  },
  {
    name: 'throttle-stuck',
    seam: 'throttle',
    breaks: ['RATE.RECOVER', 'RATE.HOUR'],
    description: 'After a 429, calls stay throttled for a minute past the Retry-After.',
    throttle: { stuckForMs: 60_000 },
  },
  {
    name: 'throttled-still-cancels',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description: 'A cancel answered 429 still cancels the action.',
    throttle: { runWhenThrottled: ['CancelMachineAction'] },
  },
  {
    // A queue in front of the limit that answers 429 yet keeps the call, to run it once the window
    // frees: the automation that was told "not now" and cancels again later finds it done, or never
    // meant it any more.
    name: 'throttled-cancel-queued',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      "A cancel answered 429 is queued and cancels the action once the 429's Retry-After is over (past the bounded wait of a minute's 429); at once it reads unchanged.",
    throttle: { queueWhenThrottled: ['CancelMachineAction'] },
  },
  {
    name: 'hour-throttled-still-cancels',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      "A cancel answered 429 by the hour limit still cancels the action; the minute limit's 429s do not.",
    throttle: { runWhenHourThrottled: ['CancelMachineAction'] },
  },
  {
    // The running action's cancel goes to its device ahead of the limiter: every throttled cancel the
    // rate tests judged was of a Pending action.
    name: 'throttled-running-cancel-applied',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      'A cancel of an InProgress action answered 429 still cancels it; a throttled cancel of a Pending action changes nothing.',
    throttle: { runWhenThrottledStatuses: ['InProgress'] },
  },
  {
    // A cancel handed to its type's handler ahead of the limiter, the scan's alone behind it: every
    // throttled cancel the rate tests judged was of a scan.
    name: 'throttled-non-scan-cancel-applied',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      'A cancel of an action other than a scan (an Isolate action) answered 429 still cancels it; a throttled cancel of a scan changes nothing.',
    throttle: { throttledOnlyType: 'RunAntiVirusScan' },
  },
  {
    // A path of its own for a cancel without a reason, taken before the limiter's answer: every
    // throttled cancel the rate tests judged carried a Comment.
    name: 'throttled-uncommented-cancel-applied',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      'A cancel without a Comment ({} or no body) answered 429 still cancels the action; a throttled cancel with a Comment changes nothing.',
    throttle: { runWhenThrottledUncommented: true },
  },
  {
    name: 'rate-minute-503-half',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      "Calls 51 to 100 of an app's first minute window are counted but answered 503 ServiceUnavailable; call 101 answers 429, and later calls are served as the limits allow.",
    throttle: { minuteServedUpTo: 50 },
  },
  {
    // The rate tests burst under /api alone: a versioned route registered without the limiter served
    // any number of calls a minute there.
    name: 'versioned-cancel-unthrottled',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      'A cancel under /api/v1.0 is neither counted nor throttled (a versioned route registered without the limiter); under /api the limits hold.',
    throttle: { unthrottledVersioned: ['CancelMachineAction'] },
  },
  {
    // The rate tests counted cancels; a GET's burst judged only a 429's header, and one that never
    // came left nothing to judge.
    name: 'reads-unthrottled',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      "A GET and a list are neither counted nor throttled (read routes registered without the limiter); the cancel's limits hold.",
    throttle: { unthrottled: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    // RATE.MINUTE sent 101 reads under /api and 101 cancels under /api/v1.0: versioned read routes
    // registered without the limiter served any number of calls a minute there.
    name: 'versioned-reads-unthrottled',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      'A GET and a list under /api/v1.0 are neither counted nor throttled (versioned read routes registered without the limiter); under /api, and for every cancel, the limits hold.',
    throttle: { unthrottledVersioned: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    // A versioned route whose limiter runs after its handler: every throttled cancel RATE.NOEFFECT
    // judged was under /api.
    name: 'versioned-throttled-cancel-applied',
    seam: 'throttle',
    breaks: ['RATE.NOEFFECT'],
    description:
      'A cancel under /api/v1.0 answered 429 still cancels the action (the windows are shared, so a call there past the limit is throttled); a throttled cancel under /api changes nothing.',
    throttle: { runWhenThrottledVersioned: ['CancelMachineAction'] },
  },
  {
    // RATE.MINUTE's reads burst on one URL (a GET of one id, the list with $top=1): a limiter
    // partitioned by the path it guards throttled them, yet a client reading 101 actions a minute, one
    // GET each, is never throttled.
    name: 'reads-limited-per-url',
    seam: 'throttle',
    breaks: ['RATE.MINUTE'],
    description:
      "A GET's and a list's windows are kept per URL, path and query (a limiter partitioned by the path it guards): 101 GETs of one action are throttled, but a GET of another action, or a list with another query, starts a fresh window; the cancel's limits hold.",
    throttle: { perUrl: ['GetMachineAction', 'ListMachineActions'] },
  },
] as const satisfies readonly ThrottleFault[];
