import { expect, test } from '../../helpers/api-test.ts';
import { problems, TENANT } from './config-env.ts';

const TENANT_ID = TENANT.MDE_TENANT_ID;

// A walk copied MSAL's authority (https://host/{tenant}, or .../v2.0, or the token endpoint itself)
// into MDE_AUTH_BASE_URL, and an API URL with /api into MDE_API_BASE_URL: each was told the variable
// "must be an origin without path", and left to work out which part to keep and where the rest goes.
test('a URL with a path names the origin to set, and where the tenant id goes', () => {
  const loopback = { ...TENANT, MDE_API_BASE_URL: 'https://127.0.0.1:4643' };
  for (const path of [`/${TENANT_ID}`, `/${TENANT_ID}/v2.0`, `/${TENANT_ID}/oauth2/v2.0/token`])
    expect(problems({ ...loopback, MDE_AUTH_BASE_URL: `https://127.0.0.1:4643${path}` })[0]).toContain(
      `: set MDE_AUTH_BASE_URL=https://127.0.0.1:4643; the tenant id goes in MDE_TENANT_ID, and the suite adds /{tenant}/oauth2/v2.0/token itself)`,
    );
  expect(problems({ ...TENANT, MDE_API_BASE_URL: 'https://127.0.0.1:4643/api/machineactions' })[0]).toContain(
    ': set MDE_API_BASE_URL=https://127.0.0.1:4643; the suite adds /api/... itself)',
  );
  // A query is still never shown (a signed URL's ?sig=), nor anything before an @.
  const line = problems({ ...loopback, MDE_AUTH_BASE_URL: 'https://user:pw@127.0.0.1:4643/x?sig=abc' })[0]!;
  expect(line).not.toContain('pw');
  expect(line).not.toContain('abc');
});
