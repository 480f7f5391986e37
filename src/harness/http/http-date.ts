// An HTTP-date (RFC 9110 §5.6.7) as epoch ms; undefined when the text is none of its three forms.
// Senders must write IMF-fixdate, but "a recipient that parses a timestamp value in an HTTP field MUST
// accept all three HTTP-date formats": a Retry-After in an obsolete form is still an HTTP-date, and
// reading it as "no Retry-After" failed RATE.RETRYAFTER on a target that said how long to wait. Not
// Date.parse: it reads an asctime date, which has no zone and means GMT, in the local time zone.
//
//   IMF-fixdate   Sun, 06 Nov 1994 08:49:37 GMT
//   rfc850-date   Sunday, 06-Nov-94 08:49:37 GMT
//   asctime-date  Sun Nov  6 08:49:37 1994
//
// `nowMs` places the two-digit year of an rfc850-date: a year that would lie more than 50 years in the
// future is the most recent past year with those digits (RFC 9110 §5.6.7).
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  const fix = IMF_FIXDATE.exec(text);
  if (fix) return utc(Number(fix[3]), fix[2]!, Number(fix[1]), fix[4]!);
  const obs = RFC850.exec(text);
  if (obs) return utc(fullYear(Number(obs[3]), nowMs), obs[2]!, Number(obs[1]), obs[4]!);
  const asc = ASCTIME.exec(text);
  if (asc) return utc(Number(asc[4]), asc[1]!, Number(asc[2]), asc[3]!);
  return undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// HTTP-date is case-sensitive (RFC 9110 §5.6.7). The day name is redundant and, as Date.parse does,
// not checked against the date: a wrong one is the sender's slip, not a wait.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT$/;
const RFC850 = /^[A-Z][a-z]{5,8}, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}:\d{2}:\d{2}) GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}:\d{2}:\d{2}) (\d{4})$/;

function fullYear(twoDigits: number, nowMs: number): number {
  const now = new Date(nowMs).getUTCFullYear();
  let year = now - (now % 100) + twoDigits;
  if (year > now + 50) year -= 100;
  return year;
}

function utc(year: number, monthName: string, day: number, time: string): number | undefined {
  const month = MONTHS.indexOf(monthName);
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
  // Second 60 (a leap second) is in the grammar; Date.UTC reads it as the next minute's first.
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  return Date.UTC(year, month, day, hour, minute, second);
}
