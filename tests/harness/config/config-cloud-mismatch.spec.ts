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

// A rehearsal against the emulator on a machine whose AZURE_AUTHORITY_HOST is set for the Azure SDKs:
// the namesake came before the loopback default, the sign-in (its secret) went to Microsoft's authority,
// and the line said only "DNS lookup failed ... check AZURE_AUTHORITY_HOST and that the token endpoint is
// reachable". Said first; an MDE_AUTH_BASE_URL set for the run is left alone (a forwarder to a tenant).
test('a loopback API with AZURE_AUTHORITY_HOST elsewhere is a warning naming the rehearsal setting', () => {
  const [line] = cloudMismatchWarnings(
    tenant('https://127.0.0.1:4443', 'https://login.microsoftonline.com', {
      authBaseUrl: 'AZURE_AUTHORITY_HOST',
    }),
  );
  expect(line).toBe(
    'warning: AZURE_AUTHORITY_HOST names https://login.microsoftonline.com, so the sign-in goes there, while MDE_API_BASE_URL is on this machine (an emulator): for a rehearsal, set MDE_AUTH_BASE_URL=https://127.0.0.1:4443, which comes before AZURE_AUTHORITY_HOST',
  );
  expect(
    cloudMismatchWarnings(tenant('https://127.0.0.1:4443', 'https://login.microsoftonline.com')),
  ).toEqual([]);
  expect(
    cloudMismatchWarnings(
      tenant('https://127.0.0.1:4443', 'https://localhost:4443', { authBaseUrl: 'AZURE_AUTHORITY_HOST' }),
    ),
  ).toEqual([]);
});
