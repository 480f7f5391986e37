// The target's clock as its answers show it: the Date header (RFC 9110 5.6.7, whole seconds), carried
// forward on the local clock. The header was stamped at some instant of the round trip and truncated
// to the second, so the middle of both is the best guess: off by at most half a second plus half the
// round trip. Rate tests start a couple of seconds past a boundary to absorb that (tests/fixtures/rate-limit.ts).

// Milliseconds to add to the local clock to read the target's; undefined when there is no usable Date.
export function targetOffsetMs(
  dateHeader: string | undefined,
  sentMs: number,
  receivedMs: number,
): number | undefined {
  if (!dateHeader) return undefined;
  const stamped = Date.parse(dateHeader);
  if (Number.isNaN(stamped)) return undefined;
  return stamped + 500 - (sentMs + receivedMs) / 2;
}
