import { decodeJwt } from 'jose';
import { expect, START_MS, test } from '../emulator-fixture.ts';
import { exchange, registerFederatedApp, SUBJECT } from './client-assertions.ts';
import { EXCHANGE_AUDIENCE, type IdentityProvider, identityProvider } from './test-credentials.ts';

// Federated tokens (another issuer signs, matched against the app's federated credentials).

let github: IdentityProvider;

// One group, so the beforeAll (signing key) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  github = await identityProvider();
});

test.beforeEach(async ({ emu }) => {
  expect(await registerFederatedApp(emu, github)).toBe(201);
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
