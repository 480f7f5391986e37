import { findingsOf, ofKind } from '../../../../src/harness/evidence/finding.ts';
import { contractExpect } from '../../../fixtures/matchers.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A tenant's first 5xx is a passing failure the client asks again, not an answer to judge at once
// (docs/contract.md#server-failures): whatever its body (a front end's HTML page, ASP.NET's stock
// `{"Message": ...}`, plain text), the checks made on every exchange must not judge it. Judged, such a
// page failed SCHEMA.ERROR (a MUST) on a lawful tenant whose second answer was good.
const envelope = (code: string) => ({ error: { code, message: 'm', target: 'x' } });
const NOT_FOUND: FakeAnswer = { status: 404, body: envelope('NotFound') };
const html = (status: number): FakeAnswer => ({
  status,
  body: undefined,
  text: `<html><body><h1>${status} - Server error</h1></body></html>`,
  headers: { 'content-type': 'text/html' },
});
const FIRST_FAILURES: [string, FakeAnswer][] = [
  ['an HTML 500 page', html(500)],
  [
    'a plain-text 500',
    {
      status: 500,
      body: undefined,
      text: 'Internal Server Error',
      headers: { 'content-type': 'text/plain' },
    },
  ],
  ["ASP.NET's stock JSON 500", { status: 500, body: { Message: 'An error has occurred.' } }],
  [
    'a JSON 500 labelled text/plain',
    { status: 500, body: envelope('InternalServerError'), headers: { 'content-type': 'text/plain' } },
  ],
];
const violations = () =>
  ofKind(findingsOf(test.info().annotations), 'violation').map((v) => `${v.id}: ${v.text}`);

// The first call that `fails` picks meets `failure`; every other call gets `then`'s answer.
function once(fails: (url: string, method: string) => boolean, failure: FakeAnswer, then: FakeAnswer) {
  let left = 1;
  return (url: string, method: string): FakeAnswer => {
    if (left > 0 && fails(url, method)) {
      left -= 1;
      return failure;
    }
    return then;
  };
}

for (const [what, failure] of FIRST_FAILURES) {
  test(`a GET first answered ${what}, then 404, is judged by its second answer alone`, async () => {
    const { driver, sent } = tenant(
      {},
      once((_u, m) => m === 'GET', failure, NOT_FOUND),
    );
    const res = await (await driver.client('operator')).get(driver.unknownId());
    contractExpect(res).toBeErrorEnvelope(404);
    expect(sent).toHaveLength(2);
    expect(violations()).toEqual([]);
  });
}

test('a cancel that may have acted, answered an HTML 500, ends without a verdict and breaks nothing', async () => {
  const id = 'aaaaaaaa-0000-4000-8000-000000000001';
  const { driver } = tenant(WRITES, (url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(id);
    if (method === 'POST') return html(500);
    return scan(id, undefined, 200);
  });
  const action = await driver.activeAction();
  await (await driver.client('operator')).cancel(action.id).catch(() => undefined);
  expect(takeNoVerdicts()).toHaveLength(1);
  expect(violations()).toEqual([]);
});

// Twice is the target's answer (docs/contract.md#server-failures), and SCHEMA.ERROR judges it.
test('a GET answered an HTML 500 twice is judged: SCHEMA.ERROR', async () => {
  const { driver } = tenant({}, () => html(500));
  const res = await (await driver.client('operator')).get(driver.unknownId());
  expect(res.status).toBe(500);
  expect(violations()).toEqual([expect.stringMatching(/^SCHEMA\.ERROR: GET .* → 500: body is not JSON$/)]);
});

// The rate tests' client sends a 5xx back as it came, for serverFailureAside to end the test without a
// verdict (tests/fixtures/rate-server-failure.ts): the failure is set aside, not judged.
test("the rate tests' client leaves an HTML 500 unjudged", async () => {
  const { driver } = tenant({ allowThrottling: true }, () => html(500));
  const client = await driver.freshIdentity(['Machine.Scan']);
  expect((await client.cancel(driver.unknownId())).status).toBe(500);
  expect(violations()).toEqual([]);
});
