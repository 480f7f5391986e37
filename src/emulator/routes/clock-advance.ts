import { toRfc3339 } from '../clock/timestamps.ts';
import { WireError } from '../error-catalogue.ts';
import { objectAt, onlyMembers, shown } from '../state/input-problems.ts';

// Limits of POST /_emulator/clock/advance. The clock never goes back, not even on reset, so one advance
// past what a timestamp can show would break every later answer: it is refused instead.

// Ten years per call is more than any token, rate window or lifecycle a test waits out.
export const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600;

// Wire timestamps have four-digit years; the clock stops a day short of the last one, so what is
// derived from now (a token's expiry, a Retry-After date) stays writable too.
export const LATEST_CLOCK_MS = Date.UTC(9999, 11, 31);

// The seconds of an advance request, or a 400 InvalidInput saying the allowed range.
export function advanceSeconds(input: unknown, nowMs: number): number {
  const problems: string[] = [];
  const body = objectAt(input, '', 'the advance, {"seconds": n}', problems);
  if (!body) throw new WireError('InvalidInput', problems.join(' '));
  onlyMembers(body, '', ['seconds'], problems);
  if (problems.length > 0) throw new WireError('InvalidInput', problems.join(' '));
  const seconds = body['seconds'];
  if (
    typeof seconds !== 'number' ||
    !Number.isFinite(seconds) ||
    seconds <= 0 ||
    seconds > MAX_ADVANCE_SECONDS
  )
    throw new WireError(
      'InvalidInput',
      `seconds must be a number > 0 and at most ${MAX_ADVANCE_SECONDS} (10 years) per call, e.g. {"seconds": 60} ` +
        `(got ${seconds === undefined ? 'nothing' : shown(seconds)}).`,
    );
  const room = Math.floor((LATEST_CLOCK_MS - nowMs) / 1000);
  if (seconds > room)
    throw new WireError(
      'InvalidInput',
      `seconds must be at most ${Math.max(room, 0)} now: the clock is at ${toRfc3339(nowMs)} and cannot pass ` +
        `${toRfc3339(LATEST_CLOCK_MS)}, the last day its timestamps can show (got ${seconds}).`,
    );
  return seconds;
}
