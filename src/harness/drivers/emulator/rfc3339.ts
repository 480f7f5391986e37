// An RFC 3339 date-time (section 5.6), offset required: one without ("2026-01-05T09:00:00", Python's
// utcnow().isoformat()) Date.parse reads in the suite's local time zone, hours off the emulator's clock:
// west of UTC the expired-token test moved the clock too little, then blamed the API's Date header.
// Other forms Date.parse takes (an HTTP-date, digits) are no RFC 3339 either.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export function rfc3339(now: unknown): Date | undefined {
  if (typeof now !== 'string') return undefined;
  const text = now.toUpperCase();
  if (!DATE_TIME.test(text)) return undefined;
  const date = new Date(text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
