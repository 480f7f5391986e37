import { targetOffsetMs } from '../../../../src/harness/drivers/tenant/target-clock.ts';
import { expect, test } from '../../../helpers/api-test.ts';

// A tenant's clock is read from its Date header. Every HTTP-date form means GMT: read in the local time
// zone, an asctime date put the clock of a run in New York five hours off, and its rate tests with it.

const at = Date.UTC(1994, 10, 6, 8, 49, 37);

test('each HTTP-date form of the Date header gives the same offset, whatever the local time zone', () => {
  const zone = process.env.TZ;
  process.env.TZ = 'America/New_York';
  try {
    for (const header of [
      'Sun, 06 Nov 1994 08:49:37 GMT',
      'Sunday, 06-Nov-94 08:49:37 GMT',
      'Sun Nov  6 08:49:37 1994',
    ])
      expect(targetOffsetMs(header, at, at), header).toBe(500);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('a Date header that is no HTTP-date gives no offset', () => {
  expect(targetOffsetMs('yesterday', at, at)).toBeUndefined();
  expect(targetOffsetMs(undefined, at, at)).toBeUndefined();
});
