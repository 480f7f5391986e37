import {
  AggregateAuthenticationError,
  AuthenticationError,
  CredentialUnavailableError,
} from '@azure/identity';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { TokenError } from '../../../src/harness/identity/token-answer.ts';
import { expect, test } from '../../helpers/api-test.ts';

const spec = {
  kind: 'certificate',
  clientId: '11111111-2222-4333-8444-555555555555',
  certificatePath: '/x.pem',
} as const;
const authority = { authBaseUrl: 'https://127.0.0.1:4443', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

// What @azure/identity hands over: msal-node's message with Entra ID's description inside.
test('an Entra ID refusal is one line with the AADSTS code and what to check', () => {
  const error = new Error(
    'invalid_client: Error(s): 700027 - Timestamp: 2026-12-02 04:40:00Z - Description: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found.] Trace ID: 1 Correlation ID: 2 Timestamp: 3 - Correlation ID: 2 - Trace ID: 1',
  );
  const signIn = signInError(error, spec, authority);
  // Entra ID answered and refused: configuration to fix (exit 2), not a target to retry.
  expect(signIn.refused).toBe(true);
  const line = signIn.message;
  expect(line).toMatch(
    /^certificate sign-in at https:\/\/127\.0\.0\.1:4443\/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: AADSTS700027: Client assertion contains an invalid signature\. \[Reason - The key was not found\.\] \(the assertion is not signed by a certificate the app registration holds: .*\)$/,
  );
  expect(line).not.toContain('\n');
});

test('an error without an answer keeps its own first line and names the setting to check', () => {
  const signIn = signInError(new Error('connect ECONNREFUSED 127.0.0.1:4443\n  at x'), spec, authority);
  expect(signIn.refused).toBe(false);
  expect(signIn.message).toBe(
    'certificate sign-in at https://127.0.0.1:4443/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: connect ECONNREFUSED 127.0.0.1:4443 (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)',
  );
});

test('only an OAuth refusal in a 400, 401 or 403 counts as refused; a 503 or a stray page is a target to check', () => {
  const refused = signInError(new TokenError('https://x/token', 401, 'invalid_client'), spec, authority);
  expect(refused.refused).toBe(true);
  expect(refused.message).toMatch(
    /invalid_client \(401\) \(check the client id and its secret or certificate\)$/,
  );
  for (const error of [
    new TokenError('https://x/token', 503, 'no access_token in 24 bytes'),
    new TokenError('https://x/token', 404, 'no access_token in 512 bytes'),
    new TokenError('https://x/token', 429, 'temporarily_unavailable'),
  ]) {
    const signIn = signInError(error, spec, authority);
    expect(signIn.refused, error.message).toBe(false);
    expect(signIn.message).toContain('(check MDE_AUTH_BASE_URL and that the token endpoint is reachable)');
  }
});

test('a certificate sign-in against an http authority is a configuration to fix, asked of no one', async () => {
  const { tokenSourceFor } = await import('../../../src/harness/identity/token-source.ts');
  const error = (() => {
    try {
      tokenSourceFor(spec, { ...authority, authBaseUrl: 'http://127.0.0.1:4010' });
    } catch (e) {
      return e as { refused?: boolean; message: string };
    }
  })();
  expect(error?.refused).toBe(true);
  expect(error?.message).toContain(
    'needs an https authority, and http://127.0.0.1:4010 is http; start the emulator with --https',
  );
  // The one fix: a "check that the token endpoint is reachable" after it sent users to the network,
  // though nothing was asked of it.
  expect(error?.message).not.toContain('reachable');
  expect(error?.message).toMatch(/is http; start the emulator with --https and use its https:\/\/ URL$/);
});

// The emulator and Entra ID give the same code for a registered key outside its dates: the line must
// not send the operator to upload a certificate the registration already holds.
test('AADSTS700027 for a key outside its dates says the dates are the problem, not which certificate', () => {
  for (const [reason, says] of [
    ['The key used is expired.', 'has expired'],
    ['The key used is not yet valid.', 'is not valid yet'],
  ] as const) {
    const error = new Error(
      `invalid_client: Error(s): 700027 - Description: AADSTS700027: Client assertion contains an invalid signature. [Reason - ${reason}, Found key 'Start=12/05/2026 06:01:28, End=01/04/2027 05:58:28'] Trace ID: 1 Correlation ID: 2`,
    );
    const line = signInError(error, spec, authority).message;
    expect(line).toContain(`(the certificate the app registration holds ${says} on the authority's clock`);
    expect(line).not.toContain('upload the certificate');
  }
});

// MDE_CREDENTIAL=default where no credential of the chain is set up (no AZURE_TENANT_ID beside the
// client's variables, no `az login`, no managed identity): the line said "ChainedTokenCredential
// authentication failed. (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)", exit 3,
// though nothing had been asked of the authority. It is configuration: say what the chain needs.
test('a default chain with no credential available says what to set up, as configuration (exit 2)', () => {
  const chain = new AggregateAuthenticationError(
    [
      new CredentialUnavailableError(
        'EnvironmentCredential is unavailable. No underlying credential could be used.',
      ),
      new CredentialUnavailableError('ManagedIdentityCredential: Network unreachable.'),
      new CredentialUnavailableError('Azure CLI could not be found.'),
    ],
    'ChainedTokenCredential authentication failed.',
  );
  const signIn = signInError(chain, { kind: 'default', clientId: undefined }, authority);
  expect(signIn.refused).toBe(true);
  expect(signIn.message).toMatch(
    /^default sign-in at https:\/\/127\.0\.0\.1:4443\/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: no credential of the Azure default chain is set up on this machine \(.*\) \(.*az login.*AZURE_TENANT_ID.*MDE_CREDENTIAL.*\)$/,
  );
  expect(signIn.message).not.toContain('reachable');
});

// MDE_CREDENTIAL=default with AZURE_CLIENT_CERTIFICATE_PATH naming a .pfx, or a file that is not there:
// the chain's environment credential reads the file itself, at sign-in, and a walk read "(check
// MDE_AUTH_BASE_URL and that the token endpoint is reachable)", exit 3, with nothing asked of it.
test("a certificate file the default chain's environment credential cannot use is configuration, naming AZURE_CLIENT_CERTIFICATE_PATH", () => {
  const environmentFailure = (description: string) =>
    new AuthenticationError(400, {
      error:
        'EnvironmentCredential authentication failed. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.',
      error_description: description,
    });
  const cases: [string, string][] = [
    [
      'The file at the specified path does not contain a PEM-encoded certificate.',
      'holds no PEM certificate',
    ],
    ["ENOENT: no such file or directory, open '/keys/app.pem'", 'does not exist'],
    ['EISDIR: illegal operation on a directory, read', 'is a directory'],
    ["EACCES: permission denied, open '/keys/app.pem'", 'cannot be read'],
    ['error:1C800064:Provider routines::bad decrypt', 'AZURE_CLIENT_CERTIFICATE_PASSWORD'],
    // An encrypted key and no password: the signer sees no key at all.
    ['secretOrPrivateKey must be an asymmetric key when using PS256', 'AZURE_CLIENT_CERTIFICATE_PASSWORD'],
  ];
  for (const [description, problem] of cases) {
    const signIn = signInError(environmentFailure(description), { kind: 'default' }, authority);
    expect(signIn.refused, description).toBe(true);
    expect(signIn.message).toContain('AZURE_CLIENT_CERTIFICATE_PATH');
    expect(signIn.message).toContain(problem);
    expect(signIn.message).not.toContain('reachable');
  }
  // The same credential failing to reach the authority is still a target to check.
  const unreached = signInError(
    environmentFailure('connect ECONNREFUSED 127.0.0.1:4443'),
    { kind: 'default' },
    authority,
  );
  expect(unreached.refused).toBe(false);
  expect(unreached.message).toContain('reachable');
});

// Codes a tenant answers that the emulator's table does not hold: a walk read only the error page's
// address for each, where the line can name the setting (MDE_SCOPE) or the tenant's side to fix.
test('AADSTS500011, 70011, 7000112 and 53003 name what to fix, not only the error page', () => {
  const cases: [string, string][] = [
    [
      'invalid_resource: AADSTS500011: The resource principal named https://api.example was not found in the tenant named Contoso.',
      'check MDE_SCOPE',
    ],
    [
      "invalid_scope: AADSTS70011: The provided value for the input parameter 'scope' is not valid.",
      'check MDE_SCOPE',
    ],
    [
      "unauthorized_client: AADSTS7000112: Application 'x'(walk8) is disabled.",
      'the app is disabled in the tenant',
    ],
    [
      'access_denied: AADSTS53003: Access has been blocked by Conditional Access policies.',
      'Conditional Access policy',
    ],
  ];
  for (const [message, fix] of cases) {
    const signIn = signInError(new Error(message), spec, authority);
    expect(signIn.refused, message).toBe(true);
    expect(signIn.message).toContain(fix);
    expect(signIn.message).not.toContain('error?code=');
  }
});

// A walk's federated token file with its signature spoilt was refused AADSTS700027 and told to "upload
// the certificate": a federated sign-in has none. The issuer's published keys are what to check.
test('AADSTS700027 for a federated token names the issuer keys, not a certificate to upload', () => {
  const error = new Error(
    'invalid_client: Error(s): 700027 - Description: AADSTS700027: Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to verify the signature failed.] Trace ID: 1',
  );
  for (const kind of ['federated', 'github-oidc'] as const) {
    const line = signInError(
      error,
      { kind, clientId: spec.clientId, tokenFile: '/t' } as never,
      authority,
    ).message;
    expect(line).toContain(
      "(the federated token's signature does not verify with the keys its issuer publishes",
    );
    expect(line).not.toContain('upload the certificate');
  }
  expect(signInError(error, spec, authority).message).toContain('upload the certificate');
});
