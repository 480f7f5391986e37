import { X509Certificate } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { type Emu, expect, START_MS, TENANT, test } from '../emulator-fixture.ts';
import {
  type AssertionOptions,
  certificateAssertionOf,
  exchange,
  NOW,
  registerCertApp,
} from './client-assertions.ts';
import { type ClientCertificate, clientCertificate } from './test-credentials.ts';

// A certificate's dates, read on the emulator's virtual clock as Entra reads them on its own.

let certificate: ClientCertificate;
// The same key in certificates of other dates (no key to make): long expired, not yet valid on the
// pinned clock (2026-01-05), and one valid then but expired by the wall clock since mid-2026.
let expired: ClientCertificate;
let future: ClientCertificate;
let pastByWallClock: ClientCertificate;

// One group, so the beforeAll (certificates) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  certificate = await clientCertificate();
  const dated = (from: string, to: string) =>
    clientCertificate('dated', { from: new Date(from), to: new Date(to), key: certificate.key });
  [expired, future, pastByWallClock] = await Promise.all([
    dated('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'),
    dated('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z'),
    dated('2025-06-01T00:00:00Z', '2026-06-01T00:00:00Z'),
  ]);
});

test.beforeEach(async ({ emu }) => {
  expect(await registerCertApp(emu, certificate)).toBe(201);
});

function certificateAssertion(claims: JWTPayload = {}, options: AssertionOptions = {}) {
  return certificateAssertionOf(certificate, claims, options);
}

// Entra answers a key past its dates with the signature's code (microsoft/azure-tools-for-java#2785).
async function withCertificate(emu: Emu, dated: ClientCertificate, claims: JWTPayload = {}) {
  const app = {
    tenantId: TENANT,
    clientId: 'dated-app',
    roles: ['Machine.Read.All'],
    certificate: dated.cert,
  };
  expect((await emu.control('POST', '/apps', app)).statusCode).toBe(201);
  const assertion = await certificateAssertion(
    { iss: 'dated-app', sub: 'dated-app', ...claims },
    { certificate: dated },
  );
  return exchange(emu, 'dated-app', assertion);
}

test('a certificate past its dates is refused with AADSTS700027, "The key used is expired", and its dates', async ({
  emu,
}) => {
  const res = await withCertificate(emu, expired);
  expect(res.statusCode).toBe(401);
  expect(res.json()).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
  expect(res.json().error_description).toMatch(
    /^AADSTS700027: Client assertion contains an invalid signature\. \[Reason - The key used is expired\., /,
  );
  expect(res.json().error_description).toContain(
    `Thumbprint of key used by client: '${expired.sha256}', Found key 'Start=01/01/2020 00:00:00, End=02/01/2020 00:00:00'`,
  );
});

test('a certificate not valid yet on the virtual clock is refused with AADSTS700027', async ({ emu }) => {
  const res = await withCertificate(emu, future);
  expect(res.json().error_codes).toEqual([700027]);
  expect(res.json().error_description).toContain('[Reason - The key used is not yet valid.');
});

test("a certificate's dates are read on the virtual clock, not the wall clock", async ({ emu }) => {
  // Valid on the pinned 2026-01-05 although the wall clock may be past its end.
  expect((await withCertificate(emu, pastByWallClock)).statusCode).toBe(200);
  // The valid certificate, once the clock has moved past its end.
  const seconds =
    Math.ceil((Date.parse(new X509Certificate(certificate.cert).validTo) - START_MS) / 1000) + 60;
  await emu.advance(seconds);
  const now = NOW + seconds;
  const res = await exchange(emu, 'cert-app', await certificateAssertion({ nbf: now, exp: now + 600 }));
  expect(res.json().error_description).toContain('[Reason - The key used is expired.');
});
