import { parseHttpDate } from '../../../src/harness/http/http-date.ts';
import { expect, test } from '../../helpers/api-test.ts';

// RFC 9110 §5.6.7: a recipient must accept all three forms of an HTTP-date, and they name the same
// instant. The RFC's own example, in each form.
const NOW = Date.UTC(2026, 11, 5);
const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);

test('IMF-fixdate, rfc850-date and asctime-date are read as the same instant', () => {
  expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(EXAMPLE);
  expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(EXAMPLE);
  expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(EXAMPLE);
});

test('an asctime-date is GMT, whatever the local time zone (Date.parse reads it as local time)', () => {
  expect(parseHttpDate('Sat Dec  5 00:40:00 2026', NOW)).toBe(Date.UTC(2026, 11, 5, 0, 40, 0));
  expect(parseHttpDate('Sat Dec 12 00:40:00 2026', NOW)).toBe(Date.UTC(2026, 11, 12, 0, 40, 0));
});

test('a two-digit year more than 50 years ahead is the most recent past year with those digits', () => {
  expect(parseHttpDate('Saturday, 05-Dec-26 00:40:00 GMT', NOW)).toBe(Date.UTC(2026, 11, 5, 0, 40, 0));
  expect(parseHttpDate('Friday, 05-Dec-75 00:40:00 GMT', NOW)).toBe(Date.UTC(2075, 11, 5, 0, 40, 0));
  expect(parseHttpDate('Thursday, 05-Dec-77 00:40:00 GMT', NOW)).toBe(Date.UTC(1977, 11, 5, 0, 40, 0));
});

test('text that is none of the three forms is no date', () => {
  for (const text of [
    'soon',
    '60',
    '2026-12-05T00:40:00Z',
    'sun, 06 nov 1994 08:49:37 gmt', // HTTP-date is case-sensitive
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 25:49:37 GMT',
  ])
    expect(parseHttpDate(text, NOW), text).toBeUndefined();
});

// The grammar's second runs to 60 (a leap second): a Retry-After naming one is a date, not "none", and
// reads as the next minute's first second.
test('a leap second is an HTTP-date; second 61 is none', () => {
  expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT', NOW)).toBe(Date.UTC(2017, 0, 1, 0, 0, 0));
  expect(parseHttpDate('Sat, 31 Dec 2016 23:59:61 GMT', NOW)).toBeUndefined();
});
