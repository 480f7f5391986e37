import { SignInError } from '../../../src/harness/identity/sign-in-error.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { jsonStandIn } from '../stand-ins/json-stand-in.ts';

// A wrong MDE_LIMITED_CLIENT_SECRET passed the preflight, which signed in the operator alone; the
// PERM.NONE test then met the refusal: ERROR with a stack trace, and the run exited 3 (target
// unreachable) for a setting to fix (exit 2). Every configured app signs in before any test.
const OPERATOR = '11111111-2222-4333-8444-555555555555';
const LIMITED = '22222222-2222-4333-8444-555555555555';
const ISOLATE = '33333333-2222-4333-8444-555555555555';
// Each app's token holds the roles its variable promises (the preflight reads them: other-app-roles.ts).
const ROLES: Record<string, string[]> = {
  [OPERATOR]: ['Machine.Scan'],
  [LIMITED]: ['Machine.Read.All'],
  [ISOLATE]: ['Machine.Isolate'],
};
const jwt = (clientId: string) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ roles: ROLES[clientId] })).toString('base64url')}.other-apps-preflight-sig`;

async function preflightRefusing(refused: string) {
  const target = await jsonStandIn(({ path, body, json }) => {
    if (path.endsWith('/oauth2/v2.0/token')) {
      const clientId = new URLSearchParams(body).get('client_id') ?? '';
      return clientId === refused
        ? json(401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
            error_codes: [7000215],
          })
        : json(200, { token_type: 'Bearer', expires_in: 3599, access_token: jwt(clientId) });
    }
    if (path === '/api/machineactions') return json(200, { value: [] });
    json(404, { error: { code: 'NotFound', message: 'no such action' } });
  });
  process.env.OTHER_APPS_TEST_SECRET = 'other-apps-secret-value-7';
  const app = (clientId: string) =>
    ({ kind: 'secret', clientId, secretVariable: 'OTHER_APPS_TEST_SECRET' }) as const;
  try {
    return await preflight(
      tenantTarget({
        apiBaseUrl: target.url,
        authBaseUrl: target.url,
        credentials: {
          operator: app(OPERATOR),
          limited: app(LIMITED),
          roles: { 'Machine.Isolate': app(ISOLATE) },
        },
      }),
      { timeoutMs: 3_000 },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
  } finally {
    await target.close();
  }
}

test('a limited app the authority refuses stops the run before any test, naming its variable (exit 2)', async () => {
  const error = await preflightRefusing(LIMITED);
  expect(error).toBeInstanceOf(SignInError);
  expect((error as SignInError).refused).toBe(true);
  expect((error as Error).message).toMatch(
    /^the app of MDE_LIMITED_CLIENT_ID: secret sign-in at .* failed: .*AADSTS7000215/,
  );
  expect((error as Error).message).not.toContain('other-apps-secret-value-7');
});

test("a role's app the authority refuses is named by its MDE_ROLE_ variable", async () => {
  const error = await preflightRefusing(ISOLATE);
  expect((error as Error).message).toMatch(/^the app of MDE_ROLE_ISOLATE_CLIENT_ID: secret sign-in/);
});

test('apps that all sign in let the run go on', async () => {
  expect(await preflightRefusing('none of them')).toBeUndefined();
});
