import { ApiAccessError, describeError } from '../../../src/harness/errors.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { serve } from '../stand-ins/preflight-stand-in.ts';

// An operator app holding only Machine.Read.All reads the list, so the preflight's read passed, and
// every cancel of the read-only run (an unknown id, a malformed one) was then answered a lawful 403:
// CANCEL.NOTFOUND read FAIL and the run "Not conforming" (exit 1). A cancel needs an action role, on
// any run: the token's documented `roles` claim says whether the app holds one before any test.
// Each token's signature is its own made-up word: the leak scan fingerprints it, and a common word would
// then be found in every later report.
const jwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.action-role-preflight-sig`;

async function preflightWith(token: string) {
  const { url, server } = await serve((path) =>
    path.includes('/oauth2/')
      ? { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: token } }
      : path === '/api/machineactions?$top=1'
        ? { status: 200, body: { value: [] } }
        : { status: 404, body: { error: { code: 'NotFound', message: 'no such action' } } },
  );
  try {
    return await preflight(tenantTarget({ apiBaseUrl: url, authBaseUrl: url }), { timeoutMs: 3_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
  } finally {
    server.close();
  }
}

test('an operator token without any action role stops the run before any test, naming the role to grant', async () => {
  const error = await preflightWith(jwt({ aud: 'x', roles: ['Machine.Read.All'] }));
  expect(error).toBeInstanceOf(ApiAccessError);
  expect(describeError(error)).toMatch(
    /^ApiAccessError: the operator app's token holds no action role \(roles: Machine\.Read\.All\); .*Machine\.Scan/,
  );
});

test('a token with an action role, or one whose roles cannot be read, lets the run go on', async () => {
  for (const token of [
    jwt({ roles: ['Machine.Read.All', 'Machine.Isolate'] }),
    jwt({ aud: 'no roles claim' }),
    'opaque-action-role-preflight-token',
  ])
    expect(await preflightWith(token)).toBeUndefined();
});
