// The target's clock as its answers show it: the Date header (RFC 9110 5.6.7, whole seconds), carried
// forward on the local clock. The header was stamped at some instant of the round trip and truncated
// to the second, so the middle of both is the best guess: off by at most half a second plus half the
// round trip. Rate tests start a couple of seconds past a boundary to absorb that (tests/fixtures/rate-limit.ts).
import { parseHttpDate } from '../../http/http-date.ts';

// Milliseconds to add to the local clock to read the target's; undefined when there is no usable Date.
export function targetOffsetMs(
  dateHeader: string | undefined,
  sentMs: number,
  receivedMs: number,
): number | undefined {
  if (!dateHeader) return undefined;
  // Any HTTP-date form, read in GMT (Date.parse reads the zoneless asctime form in local time); another
  // date Date.parse reads is taken too: this only places the clock, it judges nothing.
  const stamped = parseHttpDate(dateHeader.trim(), receivedMs) ?? Date.parse(dateHeader);
  if (Number.isNaN(stamped)) return undefined;
  return stamped + 500 - (sentMs + receivedMs) / 2;
}
