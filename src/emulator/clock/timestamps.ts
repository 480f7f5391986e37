// Wire formats of time. MDE writes .NET round-trip timestamps with 7 fractional digits
// ('2022-07-12T14:39:19.6103056Z', mde-contract 3.2); the emulator keeps milliseconds and pads.

export function toWireTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, -1)}0000Z`;
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

// IMF-fixdate (RFC 9110), the HTTP-date form of Date and Retry-After; whole seconds.
export function toHttpDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}
