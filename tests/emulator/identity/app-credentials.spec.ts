import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importPKCS8, SignJWT } from 'jose';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { buildApp } from '../../../src/emulator/index.ts';
import { expect, START_MS, TENANT, test } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';
import { type ClientCertificate, clientCertificate, identityProvider } from './test-credentials.ts';

// An app's credentials as the control protocol and the seed take them (docs/interfaces.md#control-protocol):
// a secret, a certificate, federated credentials, or several; checked once, with messages that say what
// to send, and never a private key kept.

let certificate: ClientCertificate;

// One group, so the beforeAll (certificate) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  certificate = await clientCertificate();
});

const base = { tenantId: TENANT, clientId: 'app', roles: ['Machine.Read.All'] };

test('a certificate PEM that also holds the private key is registered without the key', async ({ emu }) => {
  const res = await emu.control('POST', '/apps', {
    ...base,
    certificate: `${certificate.key}${certificate.cert}`,
  });
  expect(res.statusCode).toBe(201);
  expect(res.json()).toEqual({ tenantId: TENANT, clientId: 'app', roles: ['Machine.Read.All'] });
  const stored = emu.app.emulator.state.apps.find(TENANT, 'app')!;
  expect(stored.certificate).toBe(certificate.cert);
  expect(JSON.stringify(stored)).not.toContain('PRIVATE KEY');
});

for (const [name, body, message] of [
  ['no credential', base, /clientSecret, certificate \(PEM\) or federatedCredentials/],
  [
    'a certificate that is not PEM',
    { ...base, certificate: 'MIIB...' },
    /certificate must be a PEM certificate/,
  ],
  ['federatedCredentials that are not a list', { ...base, federatedCredentials: {} }, /non-empty array/],
  [
    'a federated credential without audiences',
    {
      ...base,
      federatedCredentials: [{ issuer: 'https://i', subject: 's', audiences: [], jwks: { keys: [] } }],
    },
    /federatedCredentials\[0\]\.audiences/,
  ],
  [
    'a federated credential without keys',
    { ...base, federatedCredentials: [{ issuer: 'https://i', subject: 's', audiences: ['a'], jwks: {} }] },
    /federatedCredentials\[0\]\.jwks must be a JWKS/,
  ],
] as const) {
  test(`POST /_emulator/apps with ${name} answers 400 saying what to send`, async ({ emu }) => {
    const res = await emu.control('POST', '/apps', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('InvalidInput');
    expect(res.json().error.message).toMatch(message);
  });
}

test('a JWKS holding a private key is refused, not stored', async ({ emu }) => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [await exportJWK(privateKey)] };
  const res = await emu.control('POST', '/apps', {
    ...base,
    federatedCredentials: [{ issuer: 'https://i', subject: 's', audiences: ['a'], jwks }],
  });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('must be a public JWK (no "d")');
  expect(res.body).not.toContain(String(jwks.keys[0]!.d));
});

// The self-test's tenant rehearsals: no control protocol, apps that sign in without a secret, seeded.
test('seeded apps sign in with a certificate and with a federated token', async () => {
  const github = await identityProvider();
  const app = await buildApp(
    {
      control: false,
      seed: {
        apps: [
          { ...base, clientId: 'cert-app', certificate: certificate.cert },
          {
            ...base,
            clientId: 'fed-app',
            federatedCredentials: [
              {
                issuer: github.issuer,
                subject: 'ci',
                audiences: ['api://AzureADTokenExchange'],
                jwks: github.jwks,
              },
            ],
          },
        ],
      },
    },
    { ...(await testKeys()), timeSource: { now: () => START_MS } },
  );
  try {
    const now = Math.floor(START_MS / 1000);
    const certAssertion = await new SignJWT({
      aud: `http://localhost:80/${TENANT}/oauth2/v2.0/token`,
      iss: 'cert-app',
      sub: 'cert-app',
      jti: randomUUID(),
      nbf: now,
      exp: now + 600,
    })
      .setProtectedHeader({
        alg: 'PS256',
        'x5t#S256': Buffer.from(certificate.sha256, 'hex').toString('base64url'),
      })
      .sign(await importPKCS8(certificate.key, 'PS256'));
    const fedAssertion = await github.sign(
      { sub: 'ci', aud: 'api://AzureADTokenExchange' },
      { nowMs: START_MS },
    );
    for (const [clientId, assertion] of [
      ['cert-app', certAssertion],
      ['fed-app', fedAssertion],
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: `/${TENANT}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId!,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion!,
          scope: DEFAULT_SCOPE,
        }).toString(),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  } finally {
    await app.close();
  }
});

test('a bad credential in the seed stops the build with a message naming it', async () => {
  await expect(
    buildApp({ seed: { apps: [{ ...base, certificate: 'nope' }] } }, await testKeys()),
  ).rejects.toThrow(/seed: apps\[0\]\.certificate must be a PEM certificate/);
});
