import { randomUUID, X509Certificate } from 'node:crypto';
import { decodeJwt, importPKCS8, type JWTPayload, SignJWT } from 'jose';
import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import { type Emu, expect, START_MS, TENANT, test } from './emulator-fixture.ts';
import {
  type ClientCertificate,
  clientCertificate,
  EXCHANGE_AUDIENCE,
  type IdentityProvider,
  identityProvider,
} from './identity/test-credentials.ts';

// Client assertions at the token endpoint (docs/interfaces.md#client-assertions), driven with inject()
// on a pinned clock: a certificate assertion (the app signs, iss = sub = client id) and a federated
// token (another issuer signs, matched against the app's federated credentials).

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
// inject() calls the emulator as http://localhost:80, so that is its token endpoint.
const TOKEN_ENDPOINT = `http://localhost:80/${TENANT}/oauth2/v2.0/token`;
const SUBJECT = 'repo:contoso/response-automation:ref:refs/heads/main';
const NOW = Math.floor(START_MS / 1000);

let certificate: ClientCertificate;
let otherKey: ClientCertificate;
let github: IdentityProvider;
// The same key in certificates of other dates (no key to make): long expired, not yet valid on the
// pinned clock (2026-01-05), and one valid then but expired by the wall clock since mid-2026.
let expired: ClientCertificate;
let future: ClientCertificate;
let pastByWallClock: ClientCertificate;

test.beforeAll(async () => {
  [certificate, otherKey, github] = await Promise.all([
    clientCertificate(),
    clientCertificate('other'),
    identityProvider(),
  ]);
  const dated = (from: string, to: string) =>
    clientCertificate('dated', { from: new Date(from), to: new Date(to), key: certificate.key });
  [expired, future, pastByWallClock] = await Promise.all([
    dated('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'),
    dated('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z'),
    dated('2025-06-01T00:00:00Z', '2026-06-01T00:00:00Z'),
  ]);
});

test.beforeEach(async ({ emu }) => {
  const base = { tenantId: TENANT, roles: ['Machine.Read.All'] };
  for (const app of [
    { ...base, clientId: 'cert-app', certificate: certificate.cert },
    {
      ...base,
      clientId: 'fed-app',
      federatedCredentials: [
        { issuer: github.issuer, subject: SUBJECT, audiences: [EXCHANGE_AUDIENCE], jwks: github.jwks },
      ],
    },
  ])
    expect((await emu.control('POST', '/apps', app)).statusCode).toBe(201);
});

// A certificate assertion as msal-node makes one (PS256 + x5t#S256), or as older libraries do (RS256 + x5t).
async function certificateAssertion(
  claims: JWTPayload = {},
  options: {
    alg?: string;
    sha1?: boolean;
    key?: string;
    header?: Record<string, unknown>;
    certificate?: ClientCertificate;
  } = {},
) {
  const alg = options.alg ?? (options.sha1 ? 'RS256' : 'PS256');
  const named = options.certificate ?? certificate;
  const thumbprint = options.sha1
    ? { x5t: Buffer.from(named.sha1, 'hex').toString('base64url') }
    : { 'x5t#S256': Buffer.from(named.sha256, 'hex').toString('base64url') };
  const claimsOf = {
    aud: TOKEN_ENDPOINT,
    iss: 'cert-app',
    sub: 'cert-app',
    jti: randomUUID(),
    nbf: NOW,
    exp: NOW + 600,
  };
  return new SignJWT({ ...claimsOf, ...claims })
    .setProtectedHeader({ alg, typ: 'JWT', ...thumbprint, ...options.header })
    .sign(await importPKCS8(options.key ?? certificate.key, alg));
}

function exchange(emu: Emu, clientId: string, assertion: string, type = JWT_BEARER) {
  return emu.requestToken(TENANT, {
    client_id: clientId,
    client_assertion_type: type,
    client_assertion: assertion,
    scope: DEFAULT_SCOPE,
  });
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

test('a federated token matching the credential gets a token', async ({ emu }) => {
  const res = await exchange(
    emu,
    'fed-app',
    await github.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE }, { nowMs: START_MS }),
  );
  expect(res.statusCode, res.body).toBe(200);
  expect(decodeJwt(res.json().access_token)).toMatchObject({ appid: 'fed-app', roles: ['Machine.Read.All'] });
});

test('federated tokens are matched on issuer, then subject (case-sensitive), then audience', async ({
  emu,
}) => {
  const other = await identityProvider('https://token.actions.githubusercontent.com/other');
  for (const [token, code] of [
    [await other.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE }, { nowMs: START_MS }), 700211],
    [await github.sign({ sub: SUBJECT.toUpperCase(), aud: EXCHANGE_AUDIENCE }, { nowMs: START_MS }), 700213],
    [await github.sign({ sub: SUBJECT, aud: 'api://SomethingElse' }, { nowMs: START_MS }), 700212],
    // Entra matches the audience case-sensitively too since September 2024 (learn.microsoft.com/entra/
    // identity-platform/reference-breaking-changes, "Federated Identity Credentials now use case-sensitive
    // matching"): the emulator once compared it without case and took this token.
    [await github.sign({ sub: SUBJECT, aud: 'API://AzureADTokenExchange' }, { nowMs: START_MS }), 700212],
    [await github.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE }, { nowMs: START_MS - 3_600_000 }), 700024],
  ] as const) {
    const res = await exchange(emu, 'fed-app', token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_client', error_codes: [code] });
  }
});

test('a federated token signed by another key is refused with AADSTS700027', async ({ emu }) => {
  const kid = github.jwks.keys[0]!['kid'] as string;
  const forger = await identityProvider(github.issuer, kid);
  const stranger = await identityProvider(github.issuer);
  for (const [who, reason] of [
    [forger, 'Key was found, but use of the key to verify the signature failed.'],
    [stranger, 'The key was not found.'],
  ] as const) {
    const res = await exchange(
      emu,
      'fed-app',
      await who.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE }, { nowMs: START_MS }),
    );
    expect(res.json().error_codes).toEqual([700027]);
    expect(res.json().error_description).toContain(`[Reason - ${reason}`);
  }
});
