// How instants are written on the wire: entity timestamps at the variant's precision, HTTP-dates.

// RFC 3339 UTC with 0 or 3 fractional digits (docs/contract.md#timestamp-precision).
export function timestamp(ms: number, digits: 0 | 3): string {
  const iso = new Date(ms).toISOString();
  return digits === 3 ? iso : `${iso.slice(0, 19)}Z`;
}

// IMF-fixdate (RFC 9110 5.6.7): one-second resolution, the fraction truncated as every Date header is.
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}
