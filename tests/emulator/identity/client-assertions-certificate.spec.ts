import { decodeJwt, type JWTPayload } from 'jose';
import { expect, TENANT, test } from '../emulator-fixture.ts';
import {
  type AssertionOptions,
  certificateAssertionOf,
  exchange,
  NOW,
  registerCertApp,
  TOKEN_ENDPOINT,
} from './client-assertions.ts';
import { type ClientCertificate, clientCertificate } from './test-credentials.ts';

// Certificate assertions (the app signs, iss = sub = client id): what the emulator takes, and how it
// refuses one, code by code, as Entra does. A certificate's dates: client-assertions-certificate-dates.spec.ts.

let certificate: ClientCertificate;
let otherKey: ClientCertificate;

// One group, so the beforeAll (certificates) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  [certificate, otherKey] = await Promise.all([clientCertificate(), clientCertificate('other')]);
});

test.beforeEach(async ({ emu }) => {
  expect(await registerCertApp(emu, certificate)).toBe(201);
});

function certificateAssertion(claims: JWTPayload = {}, options: AssertionOptions = {}) {
  return certificateAssertionOf(certificate, claims, options);
}

test('a certificate assertion, PS256 with x5t#S256 or RS256 with x5t, gets a token (appidacr 2)', async ({
  emu,
}) => {
  for (const sha1 of [false, true]) {
    const res = await exchange(emu, 'cert-app', await certificateAssertion({}, { sha1 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeJwt(res.json().access_token)).toMatchObject({ appid: 'cert-app', appidacr: '2' });
  }
});

test('the audience may be either token endpoint of the tenant, in any case, or the authority', async ({
  emu,
}) => {
  for (const aud of [
    TOKEN_ENDPOINT,
    TOKEN_ENDPOINT.toUpperCase().replace('HTTP://LOCALHOST', 'http://localhost'),
    `http://localhost:80/${TENANT}/oauth2/token`,
    `http://localhost:80/${TENANT}/`,
  ]) {
    const res = await exchange(emu, 'cert-app', await certificateAssertion({ aud }));
    expect(res.statusCode, aud).toBe(200);
  }
});

for (const [name, make, code] of [
  [
    'another audience',
    () => certificateAssertion({ aud: 'https://login.microsoftonline.com/x/oauth2/v2.0/token' }),
    700023,
  ],
  // Another name of the same host, as Entra refuses an assertion for sts.windows.net sent to
  // login.microsoftonline.com (AzureAD/microsoft-authentication-library-for-dotnet#3352).
  [
    'the token endpoint under another name of the host',
    () => certificateAssertion({ aud: TOKEN_ENDPOINT.replace('localhost', '127.0.0.1') }),
    700023,
  ],
  ['a subject that is not the client', () => certificateAssertion({ sub: 'someone' }), 700021],
  ['an expired assertion', () => certificateAssertion({ nbf: NOW - 1200, exp: NOW - 301 }), 700024],
  ['an assertion not valid yet', () => certificateAssertion({ nbf: NOW + 301, exp: NOW + 900 }), 700024],
  // Claims past what a date can hold are refused as any other lifetime, never a 500.
  ['an nbf past any date', () => certificateAssertion({ nbf: 1e20, exp: 1e20 + 600 }), 700024],
  ['an exp before any date', () => certificateAssertion({ exp: -1e20 }), 700024],
  ['no jti', () => certificateAssertion({ jti: undefined }), 90014],
  ['a key that is not the certificate', () => certificateAssertion({}, { key: otherKey.key }), 700027],
  ['an unregistered certificate', () => certificateAssertion({}, { header: { 'x5t#S256': 'AAAA' } }), 700027],
  ['no thumbprint', () => certificateAssertion({}, { header: { 'x5t#S256': undefined } }), 5002723],
  ['RS384', () => certificateAssertion({}, { alg: 'RS384' }), 5002738],
  ['not a JWT', async () => 'not-a-jwt', 50027],
] as const) {
  test(`a certificate assertion with ${name} is refused with AADSTS${code}`, async ({ emu }) => {
    const res = await exchange(emu, 'cert-app', await make());
    expect(res.json().error_codes, res.body).toEqual([code]);
    expect(res.json().error_description).toMatch(new RegExp(`^AADSTS${code}: `));
  });
}

test('the signature failure says whether the key was found, as Entra does', async ({ emu }) => {
  const unknown = await exchange(
    emu,
    'cert-app',
    await certificateAssertion({}, { header: { 'x5t#S256': 'AAAA' } }),
  );
  expect(unknown.json().error_description).toContain('[Reason - The key was not found.');
  const wrongKey = await exchange(emu, 'cert-app', await certificateAssertion({}, { key: otherKey.key }));
  expect(wrongKey.json().error_description).toContain(
    'Key was found, but use of the key to verify the signature failed.',
  );
  expect(wrongKey.json().error_description).toContain(
    `Thumbprint of key used by client: '${certificate.sha256}'`,
  );
});

test('assertion lifetimes run on the virtual clock', async ({ emu }) => {
  // Within the 5 minutes of skew Entra allows: a signer whose clock runs ahead is not refused.
  const ahead = await certificateAssertion({ nbf: NOW + 120, iat: NOW + 120, exp: NOW + 720 });
  expect((await exchange(emu, 'cert-app', ahead)).statusCode).toBe(200);
  const assertion = await certificateAssertion();
  await emu.advance(600 + 301);
  expect((await exchange(emu, 'cert-app', assertion)).json().error_codes).toEqual([700024]);
});

test('a wrong client_assertion_type is no credential (AADSTS7000218)', async ({ emu }) => {
  const res = await exchange(emu, 'cert-app', await certificateAssertion(), 'urn:other');
  expect(res.statusCode).toBe(401);
  expect(res.json().error_codes).toEqual([7000218]);
});
