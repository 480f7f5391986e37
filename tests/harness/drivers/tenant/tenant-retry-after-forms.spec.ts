import { SERVER_FAILURE_PAUSE_MS } from '../../../../src/harness/drivers/tenant/tenant-server-failures.ts';
import { contractExpect } from '../../../fixtures/matchers.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, tenant } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A tenant's 503 may say when to ask again in either lawful form of Retry-After (RFC 9110 §10.2.3):
// delta-seconds, or an HTTP-date in any of its three forms (a recipient must read the obsolete two),
// read against the answer's Date. A date already past, or 0, says "now": the suite's short pause.
const DATE = 'Wed, 02 Dec 2026 01:43:04 GMT';
const FORMS: [string, string, number][] = [
  ['delta-seconds', '5', 5_000],
  ['an IMF-fixdate 5 s after its Date', 'Wed, 02 Dec 2026 01:43:09 GMT', 5_000],
  ['an rfc850-date 5 s after its Date', 'Wednesday, 02-Dec-26 01:43:09 GMT', 5_000],
  ['an asctime-date 5 s after its Date', 'Wed Dec  2 01:43:09 2026', 5_000],
  ['an HTTP-date equal to its Date', DATE, SERVER_FAILURE_PAUSE_MS],
  ['an HTTP-date before its Date', 'Wed, 02 Dec 2026 01:40:00 GMT', SERVER_FAILURE_PAUSE_MS],
  ['0', '0', SERVER_FAILURE_PAUSE_MS],
];

for (const [form, value, waited] of FORMS)
  test(`a GET answered 503 with Retry-After as ${form} is asked again after ${waited} ms`, async () => {
    const envelope = (code: string) => ({ error: { code, message: 'm' } });
    const busy: FakeAnswer = {
      status: 503,
      body: envelope('ServiceUnavailable'),
      headers: { 'retry-after': value, date: DATE },
    };
    let calls = 0;
    const { driver, clock } = tenant(
      {},
      () => (++calls === 1 ? busy : { status: 404, body: envelope('NotFound') }),
      fakeClock(Date.parse('2026-12-02T01:43:04.400Z')),
    );
    contractExpect(await (await driver.client('operator')).get(driver.unknownId())).toBeErrorEnvelope(404);
    expect(clock.slept).toEqual([waited]);
  });
