import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { API_AUDIENCE } from '../../../src/contract/index.ts';
import { expect, test } from '../emulator-fixture.ts';
import { HttpsEmulator, type LibraryResult, READ_ROLES, TENANT } from './https-emulator.ts';
import { clientCertificate, EXCHANGE_AUDIENCE, identityProvider } from './test-credentials.ts';

// Microsoft's own libraries, unchanged, against an HTTPS emulator: @azure/msal-node 7 and
// @azure/identity 4 sign in with a secret, a certificate and a federated token, and get the refusals
// Entra ID gives for a wrong secret, a forged assertion and an assertion for another subject. They run
// in a child process trusting the emulator's certificate, as a team's automation does. One emulator and
// one child process for the file.
test.describe.configure({ mode: 'serial' });

const SUBJECT = 'repo:contoso/response-automation:environment:staging';
let emulator: HttpsEmulator;
let results: Map<string, LibraryResult>;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  emulator = await HttpsEmulator.start();
  const [certificate, stranger, github] = await Promise.all([
    clientCertificate(),
    clientCertificate('not-registered'),
    identityProvider(),
  ]);
  // A forger signs GitHub's claims with a key of its own, under the key id GitHub publishes.
  const forger = await identityProvider(github.issuer, github.jwks.keys[0]!['kid'] as string);
  const forged = await forger.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE });
  await emulator.registerApp({ clientId: 'secret-app', clientSecret: 's3cret', roles: READ_ROLES });
  await emulator.registerApp({ clientId: 'cert-app', certificate: certificate.cert, roles: READ_ROLES });
  await emulator.registerApp({
    clientId: 'federated-app',
    federatedCredentials: [
      { issuer: github.issuer, subject: SUBJECT, audiences: [EXCHANGE_AUDIENCE], jwks: github.jwks },
    ],
    roles: READ_ROLES,
  });
  const federated = (clientId: string, name: string, assertion: string) =>
    ({ name, library: 'identity', kind: 'assertion', clientId, assertion }) as const;
  results = await emulator.runLibraries([
    { name: 'msal secret', library: 'msal', clientId: 'secret-app', msal: { clientSecret: 's3cret' } },
    {
      name: 'identity secret',
      library: 'identity',
      kind: 'secret',
      clientId: 'secret-app',
      secret: 's3cret',
    },
    {
      name: 'identity certificate',
      library: 'identity',
      kind: 'certificate',
      clientId: 'cert-app',
      certificateWithKey: `${certificate.cert}${certificate.key}`,
    },
    {
      name: 'msal certificate, SHA-1 thumbprint',
      library: 'msal',
      clientId: 'cert-app',
      msal: { clientCertificate: { thumbprint: certificate.sha1, privateKey: certificate.key } },
    },
    federated(
      'federated-app',
      'identity federated',
      await github.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE }),
    ),
    { name: 'msal wrong secret', library: 'msal', clientId: 'secret-app', msal: { clientSecret: 'wrong' } },
    {
      name: 'identity unregistered certificate',
      library: 'identity',
      kind: 'certificate',
      clientId: 'cert-app',
      certificateWithKey: `${stranger.cert}${stranger.key}`,
    },
    federated('federated-app', 'identity forged assertion', forged),
    federated(
      'federated-app',
      'identity other subject',
      await github.sign({ sub: 'repo:contoso/other-repo:ref:refs/heads/main', aud: EXCHANGE_AUDIENCE }),
    ),
    { name: 'msal unknown app', library: 'msal', clientId: 'nobody', msal: { clientSecret: 's3cret' } },
  ]);
});

test.afterAll(async () => {
  await emulator?.close();
});

// Verified as a resource server verifies it: the issuer and keys come from the discovery document.
async function verifyAsResourceServer(token: string) {
  const discovery = JSON.parse((await emulator.fetch(`/${TENANT}/.well-known/openid-configuration`)).body);
  const jwks = JSON.parse((await emulator.fetch(new URL(discovery.jwks_uri).pathname)).body) as JSONWebKeySet;
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
    issuer: discovery.issuer,
    audience: API_AUDIENCE,
  });
  return payload;
}

for (const [name, appidacr] of [
  ['msal secret', '1'],
  ['identity secret', '1'],
  ['identity certificate', '2'],
  ['msal certificate, SHA-1 thumbprint', '2'],
  ['identity federated', '2'],
] as const) {
  test(`${name}: a token that verifies against the discovery document and opens the API`, async () => {
    const result = results.get(name)!;
    expect(result.error, JSON.stringify(result.error)).toBeUndefined();
    const claims = await verifyAsResourceServer(result.token!);
    expect(claims).toMatchObject({ tid: TENANT, iss: `https://sts.windows.net/${TENANT}/`, appidacr });
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const res = await emulator.fetch(`/api/machineactions/${unknownId}`, {
      headers: { authorization: `Bearer ${result.token}` },
    });
    expect(res.status).toBe(404);
  });
}

for (const [name, code, number] of [
  ['msal wrong secret', 'invalid_client', '7000215'],
  ['identity unregistered certificate', 'invalid_client', '700027'],
  ['identity forged assertion', 'invalid_client', '700027'],
  ['identity other subject', 'invalid_client', '700213'],
  ['msal unknown app', 'unauthorized_client', '700016'],
] as const) {
  test(`${name}: no token, and Entra's refusal AADSTS${number}`, async () => {
    const result = results.get(name)!;
    expect(result.token).toBeUndefined();
    // msal-node 7 prefixes "Error(s): <n> - Timestamp: ... - Description: " to Entra's description.
    expect(result.error?.message).toContain(`AADSTS${number}: `);
    expect(result.error?.message).toMatch(/Trace ID: [0-9a-f-]{36}\r?\nCorrelation ID: [0-9a-f-]{36}/);
    expect(result.error).toMatchObject({ code, number });
  });
}
