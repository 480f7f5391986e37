import { cloudMismatchWarnings } from '../../../src/harness/config/cloud-mismatch.ts';
import type { TargetSpec } from '../../../src/harness/config/target-spec.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk pointed the suite at the GCC High API host from a pipeline whose AZURE_AUTHORITY_HOST names
// the public authority (set for its other Azure SDK jobs): nothing was said before the sign-in, where
// Entra ID does not know a tenant of the other cloud (AADSTS90002) and the line says to check
// MDE_TENANT_ID. docs/contract.md#us-gov pairs each API host with its authority.
const tenant = (apiBaseUrl: string, authBaseUrl: string, variables: object = {}) =>
  ({ mode: 'tenant', apiBaseUrl, authBaseUrl, variables }) as unknown as TargetSpec;

test("an authority of another cloud than the API host's is one warning naming the variable set", () => {
  const [gov] = cloudMismatchWarnings(
    tenant('https://api-gov.securitycenter.microsoft.us', 'https://login.microsoftonline.com', {
      authBaseUrl: 'AZURE_AUTHORITY_HOST',
    }),
  );
  expect(gov).toMatch(/^warning: /);
  expect(gov).toContain('AZURE_AUTHORITY_HOST names https://login.microsoftonline.com');
  expect(gov).toContain('https://login.microsoftonline.us');
  const [pub] = cloudMismatchWarnings(
    tenant('https://api.securitycenter.microsoft.com', 'https://login.microsoftonline.us'),
  );
  expect(pub).toContain('MDE_AUTH_BASE_URL names https://login.microsoftonline.us');
  expect(pub).toContain('https://login.microsoftonline.com');
});

test('each documented pair, loopback and other targets warn of nothing', () => {
  for (const [api, auth] of [
    ['https://api-gov.securitycenter.microsoft.us', 'https://login.microsoftonline.us'],
    ['https://api-gcc.securitycenter.microsoft.us', 'https://login.microsoftonline.com'],
    ['https://eu.api.security.microsoft.com', 'https://login.microsoftonline.com'],
    ['https://127.0.0.1:4443', 'https://127.0.0.1:4443'],
    ['https://api-gov.securitycenter.microsoft.us', 'https://127.0.0.1:4443'],
  ] as const)
    expect(cloudMismatchWarnings(tenant(api, auth))).toEqual([]);
  expect(cloudMismatchWarnings({ mode: 'embedded' } as TargetSpec)).toEqual([]);
});
