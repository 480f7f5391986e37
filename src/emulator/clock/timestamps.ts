// Wire formats of time. MDE writes .NET round-trip timestamps with 7 fractional digits
// ('2022-07-12T14:39:19.6103056Z', docs/contract.md#timestamps); the emulator keeps milliseconds and
// pads or truncates to the profile's precision (docs/contract.md#timestamp-precision).

const PAD = '0000000';

// Answers show the same few instants again and again (each action's creation and last update), and
// formatting one costs about a microsecond: the texts made so far are kept, per precision, a bounded
// number of them.
const KEPT = 10_000;
const made: Map<number, string>[] = [];

export function toWireTimestamp(epochMs: number, digits = 7): string {
  let texts = made[digits];
  if (texts === undefined) made[digits] = texts = new Map();
  let text = texts.get(epochMs);
  if (text === undefined) {
    if (texts.size >= KEPT) texts.clear();
    text = formatWireTimestamp(epochMs, digits);
    texts.set(epochMs, text);
  }
  return text;
}

function formatWireTimestamp(epochMs: number, digits: number): string {
  const iso = new Date(epochMs).toISOString();
  if (digits === 0) return `${iso.slice(0, 19)}Z`;
  const fraction = `${iso.slice(20, 23)}${PAD}`.slice(0, digits);
  return `${iso.slice(0, 20)}${fraction}Z`;
}

// RFC 3339 without the padding, for the control protocol ({"now": ...}).
export function toRfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

// The en-US .NET default format ('11/26/2026 10:00:00 PM'); only the date-not-rfc3339 fault uses it.
export function toUsDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const hours = d.getUTCHours() % 12 || 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  const suffix = d.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hours}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${suffix}`;
}

// IMF-fixdate (RFC 9110), the HTTP-date form of Date; whole seconds, truncated (the current second).
export function toHttpDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}

// An HTTP-date no earlier than the instant: rounded up to the next whole second, as a server whose
// clock has milliseconds must, or clients come back too early (docs/contract.md#retry-after-form).
export function toHttpDateRoundedUp(epochMs: number): string {
  return new Date(Math.ceil(epochMs / 1000) * 1000).toUTCString();
}
