import type { Readings } from '../../contract/index.ts';
import { type Exchange, retryAfterOf } from '../http/exchange.ts';
import { dateSlack } from '../http/retry-after-slack.ts';
import { type Seen, unreadable } from './record-reading.ts';

// The clock probe of docs/calibration.md#rate-probe: a pattern of calls across a moved clock that tells
// the three lawful windows apart (docs/contract.md#rate-window) and, from a 429 well into a window,
// the time remaining from the whole window (docs/contract.md#retry-after-value). Seconds are counted
// from the start of a clock minute, with a fresh identity:
//   +30 s  one call (where the first call opens a window, this one does)
//   +50 s  limit - 1 calls (the window is full), then one more: 429, its Retry-After read
//   +70 s  one call: served only where windows are aligned to the clock's minutes
//   +95 s  two calls, one after the other: a window opened at +30 s has closed, so both are served;
//          a sliding window still holds the calls of +50 s, so the second is throttled
export const RATE_PROBE = { openAt: 30, fillAt: 50, nextAt: 70, lateAt: 95, window: 60 } as const;

export interface RateProbeAnswers {
  opener: Exchange;
  filled: Exchange[];
  blocked: Exchange;
  next: Exchange;
  late: Exchange[];
}

export interface RateProbeReadings {
  window: Seen<Readings['rate-window']>;
  windowExchange: Exchange;
  value: Seen<Readings['retry-after-value']>;
  // One line for the OBSERVE requirement's row.
  summary: string;
}

const served = (x: Exchange) => x.status !== 429;

export function readRateProbe(answers: RateProbeAnswers): RateProbeReadings {
  const { opener, filled, blocked, next, late } = answers;
  const p = RATE_PROBE;
  const refusedEarly = [opener, ...filled].filter((x) => !served(x)).length;
  if (refusedEarly > 0 || blocked.status !== 429) {
    const why =
      refusedEarly > 0
        ? `${refusedEarly} of the ${filled.length + 1} calls of a fresh window answered 429`
        : `the call past the limit at +${p.fillAt} s answered ${blocked.status}, not 429`;
    return { window: unreadable(why), windowExchange: blocked, value: unreadable(why), summary: why };
  }
  const [first, second] = late;
  let window: Seen<Readings['rate-window']>;
  let windowExchange = next;
  if (served(next)) window = { reading: 'fixed-clock-aligned' };
  else if (!first || !second) window = unreadable('the calls at +95 s were not made');
  else {
    windowExchange = second;
    window = served(second) ? { reading: 'fixed-from-first-call' } : { reading: 'sliding' };
  }
  const said = (x: Exchange | undefined) => (x ? (served(x) ? 'served' : '429') : 'not made');
  const pattern = `+${p.nextAt} s ${said(next)}; +${p.lateAt} s ${said(first)}, ${said(second)}`;
  if ('reading' in window) window = { ...window, note: pattern };
  const value = readValue(blocked, 'reading' in window ? window.reading : undefined);
  const shown = 'reading' in value ? value.reading : value.unreadable;
  const summary = `window ${'reading' in window ? window.reading : `unreadable (${window.unreadable})`} (${pattern}); Retry-After at +${p.fillAt} s: ${shown}`;
  return { window, windowExchange, value, summary };
}

// At +50 s the call that frees next was made at +30 s (sliding, or a window opened by it): 40 s remain;
// a window aligned to the minute ends at +60 s: 10 s remain; the whole window is 60 s. A date-valued
// Retry-After may read two seconds long (rounded up, against a cached Date): 62 s is still the window;
// delta-seconds a second long, as before (a server that rounds its 60.2 s up).
function readValue(
  blocked: Exchange,
  window: Readings['rate-window'] | undefined,
): Seen<Readings['retry-after-value']> {
  const p = RATE_PROBE;
  const seconds = retryAfterOf(blocked);
  if (seconds === undefined) return unreadable('the 429 carries no readable Retry-After');
  const remaining = window === 'fixed-clock-aligned' ? p.window - p.fillAt : p.openAt + p.window - p.fillAt;
  const note = `Retry-After ${seconds} s with ${remaining} s of the window left`;
  if (seconds >= p.window - 1 && seconds <= p.window + Math.max(1, dateSlack(blocked)))
    return { reading: 'whole-window', note };
  if (seconds > 0 && seconds <= remaining + 2) return { reading: 'time-remaining', note };
  return unreadable(
    `Retry-After ${seconds} s is neither the ${remaining} s left nor the ${p.window} s window`,
  );
}
