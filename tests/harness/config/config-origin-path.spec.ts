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

// An emulator author's walk (walk7) set MDE_API_BASE_URL=127.0.0.1:4411 (and localhost:4411, and
// HTTP://127.0.0.1:4411): each was told the variable "must be an http or https origin", with nothing
// to copy, where a value with a path was told the origin to set.
test('a URL without its scheme, or with the scheme in capitals, names the origin to set', () => {
  const emulator = { MDE_TARGET: 'emulator' };
  const line = (value: string) => problems({ ...emulator, MDE_API_BASE_URL: value })[0];
  expect(line('127.0.0.1:4411')).toContain(
    '(got "127.0.0.1:4411": set MDE_API_BASE_URL=http://127.0.0.1:4411)',
  );
  expect(line('localhost:4411')).toContain(': set MDE_API_BASE_URL=http://localhost:4411)');
  expect(line('127.0.0.1:4411/api')).toContain(
    ': set MDE_API_BASE_URL=http://127.0.0.1:4411; the suite adds /api/... itself)',
  );
  expect(line('HTTP://127.0.0.1:4411')).toContain(': set MDE_API_BASE_URL=http://127.0.0.1:4411)');
  // A host that is not loopback is a service's: HTTPS.
  expect(problems({ ...TENANT, MDE_API_BASE_URL: 'api.securitycenter.microsoft.com' })[0]).toContain(
    ': set MDE_API_BASE_URL=https://api.securitycenter.microsoft.com)',
  );
  // Credentials are never shown, nor turned into a URL to copy.
  const secret = line('user:pw@127.0.0.1:4411');
  expect(secret).not.toContain('pw');
  expect(secret).not.toContain('set MDE_API_BASE_URL=');
});
