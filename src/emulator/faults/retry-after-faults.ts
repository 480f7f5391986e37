import type { ThrottleFault } from './fault-entry.ts';

// Faults of a 429's Retry-After (RATE.RETRYAFTER, RATE.HOUR): missing, too long, too short, rounded
// the wrong way, or set on one route only (the throttle seam: rate-limit/throttle-policy.ts).
export const RETRY_AFTER_FAULTS = [
  {
    name: 'retry-after-missing-hour',
    seam: 'throttle',
    breaks: ['RATE.RETRYAFTER', 'RATE.HOUR'],
    description: 'A 429 of the hour limit has no Retry-After.',
    throttle: { hourRetryAfter: false },
  },
  {
    name: 'retry-after-short-hour',
    seam: 'throttle',
    breaks: ['RATE.RECOVER'],
    description:
      'A 429 of the hour limit says Retry-After 120, past the minute window, though the hour frees far later.',
    throttle: { hourRetryAfterSeconds: 120 },
  },
  {
    name: 'retry-after-too-long',
    seam: 'throttle',
    breaks: ['RATE.RETRYAFTER'],
    description: 'A 429 of the minute limit says Retry-After 120.',
    throttle: { minuteRetryAfterSeconds: 120 },
  },
  {
    name: 'retry-after-doubles',
    seam: 'throttle',
    breaks: ['RATE.RETRYAFTER'],
    description:
      'Each further 429 of the minute limit in a row doubles its Retry-After, past 60 seconds from the second on.',
    throttle: { minuteRetryAfterDoubles: true },
  },
  {
    // The rate tests align the clock to a whole second and burst at one instant, so the time left
    // was always whole seconds there, and rounding it either way gave the same Retry-After.
    name: 'retry-after-rounded-down',
    seam: 'throttle',
    breaks: ['RATE.RECOVER'],
    description:
      'A Retry-After in seconds is the time left rounded down: 59.5 s left reads 59, and a call made after waiting it is throttled again.',
    throttle: { retryAfterRounding: 'down' },
  },
  {
    // A limiter of the read routes that sets no header: the rate tests throttled cancels alone.
    name: 'read-429-without-retry-after',
    seam: 'throttle',
    breaks: ['RATE.RETRYAFTER'],
    description: "A 429 of a GET or a list carries no Retry-After; a cancel's 429s carry it.",
    throttle: { retryAfterOmittedOn: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    // The list's limiter of its own, which names an hour's wait for the minute's limit: the bound of
    // 60 seconds was judged on the cancel's and the GET's 429s alone.
    name: 'list-429-retry-after-hour',
    seam: 'throttle',
    breaks: ['RATE.RETRYAFTER'],
    description:
      "A 429 of the list's minute limit says Retry-After 3600; a cancel's and a GET's say the time their window needs.",
    throttle: { minuteRetryAfterSecondsOn: { ListMachineActions: 3600 } },
  },
  {
    // A read limiter with a fixed back-off hint: RATE.RECOVER waited only a cancel's Retry-After.
    name: 'read-429-retry-after-short',
    seam: 'throttle',
    breaks: ['RATE.RECOVER'],
    description:
      "A 429 of a GET's or a list's minute limit says Retry-After 1 though the window frees later, so a read made after waiting it is throttled again; a cancel's says the time its window needs.",
    throttle: { minuteRetryAfterSecondsOn: { GetMachineAction: 1, ListMachineActions: 1 } },
  },
  {
    // A path of its own for a caller's first retry made too soon: RATE.RECOVER waited the first 429's
    // Retry-After alone. Ten seconds short, not one: one second short was caught only when the burst
    // before it took no whole second (a loaded machine's could), since real time runs in the clock.
    name: 'retry-after-short-when-throttled-again',
    seam: 'throttle',
    breaks: ['RATE.RECOVER'],
    description:
      'The second 429 of the minute limit in a row (a call made before the first Retry-After passed) says a Retry-After ten seconds short of the time its window needs (at least 1); the first 429, and those after the second, say the time it needs.',
    throttle: { minuteRetryAfterAgainShortBy: 10 },
  },
] as const satisfies readonly ThrottleFault[];
