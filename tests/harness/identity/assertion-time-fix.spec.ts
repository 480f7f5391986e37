import { assertionTimeFix } from '../../../src/harness/identity/assertion-time-fix.ts';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// AADSTS700024 gives the authority's time and the assertion's window. The line said "check the clock,
// or renew the federated token" for every case: for a certificate (an assertion msal-node signs that
// instant) at an emulator whose virtual clock an emulator-mode run had moved 21 days on, it sent the user
// to this machine's clock and to a federated token they do not have.

const NOW = Date.parse('2026-12-07T08:13:21Z');
const clock = { now: () => NOW };
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
const refusal = (authorityMs: number, fromMs: number) =>
  `AADSTS700024: Client assertion is not within its valid time range. Current time: ${iso(authorityMs)}, assertion valid from ${iso(fromMs)}, expiry time of assertion ${iso(fromMs + 600_000)}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .`;
const DAY = 86_400_000;

test('an emulator whose virtual clock runs ahead is named, with the restart that sets it back', () => {
  const fix = assertionTimeFix(refusal(NOW + 21 * DAY, NOW), 'certificate', 'https://127.0.0.1:4471', clock);
  expect(fix).toContain("the emulator's virtual clock is 21 days ahead of this machine's");
  expect(fix).toContain('restart the emulator');
  expect(fix).not.toContain('federated');
});

test("a tenant's clock apart from this machine's is said with the difference, not as a token to renew", () => {
  const fix = assertionTimeFix(
    refusal(NOW - 12 * 60_000, NOW),
    'certificate',
    'https://login.microsoftonline.com',
    clock,
  );
  expect(fix).toContain("this machine's clock is 12 min ahead of the authority's");
  expect(fix).not.toContain('federated');
});

test('a federated token outside its own dates is the token to renew', () => {
  const fix = assertionTimeFix(
    refusal(NOW, NOW - 3 * 3_600_000),
    'federated',
    'https://127.0.0.1:4471',
    clock,
  );
  expect(fix).toContain('renew the federated token');
  expect(fix).not.toContain('virtual clock');
});

// A walk's token file from an issuer whose clock ran 10 minutes ahead (nbf in the future) was told to
// "renew the federated token": the renewed one starts as late. The clock is what to set right.
test('a federated token not valid yet names the clock, not a renewal', () => {
  const fix = assertionTimeFix(refusal(NOW, NOW + 10 * 60_000), 'federated', 'https://127.0.0.1:4471', clock);
  expect(fix).toContain('the federated token is not valid until 2026-12-07T08:23:21.000Z, 10 min after');
  expect(fix).toContain('set it right (NTP)');
  expect(fix).not.toContain('renew');
});

test('an answer without the times keeps the table line', () => {
  expect(
    assertionTimeFix(
      'AADSTS700024: Client assertion is not within its valid time range.',
      'certificate',
      'https://127.0.0.1:4471',
      clock,
    ),
  ).toBeUndefined();
});

test("a sign-in refused with AADSTS700024 says in its line that the emulator's clock runs ahead", () => {
  const now = Date.now();
  const error = new Error(
    `invalid_client: Error(s): 700024 - Description: ${refusal(now + 3 * DAY, now)} Trace ID: 1`,
  );
  const line = signInError(
    error,
    { kind: 'certificate', clientId: '11111111-2222-4333-8444-555555555555', certificatePath: '/x.pem' },
    { authBaseUrl: 'https://127.0.0.1:4443', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
  ).message;
  expect(line).toContain("(the emulator's virtual clock is 3 days ahead");
  expect(line).not.toContain('renew the federated token');
});
