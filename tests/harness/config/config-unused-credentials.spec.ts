import type { TargetSpec } from '../../../src/harness/config/target-spec.ts';
import { unusedCredentialWarnings } from '../../../src/harness/config/unused-credentials.ts';
import { expect, test } from '../../helpers/api-test.ts';

const signingInWith = (kind: string) =>
  ({ mode: 'tenant', credentials: { operator: { kind } } }) as TargetSpec;
const BOTH = { MDE_CLIENT_SECRET: 'a-secret', MDE_CLIENT_CERTIFICATE_PATH: '/keys/op.pem' };

test('credential material the operator app does not sign in with is one warning each', () => {
  expect(unusedCredentialWarnings(BOTH, signingInWith('certificate'))).toEqual([
    'warning: MDE_CLIENT_SECRET is set but not used: the operator app signs in with certificate (MDE_CREDENTIAL chooses; unset, a certificate goes first, then a federated token file, then a secret)',
  ]);
  expect(unusedCredentialWarnings(BOTH, signingInWith('github-oidc'))).toHaveLength(2);
});

test('the material in use, or a target that is no tenant, warns of nothing', () => {
  expect(unusedCredentialWarnings({ MDE_CLIENT_SECRET: 's' }, signingInWith('secret'))).toEqual([]);
  expect(unusedCredentialWarnings(BOTH, { mode: 'embedded' } as TargetSpec)).toEqual([]);
});

// A walk set MDE_CLIENT_ID and MDE_CLIENT_SECRET for a rehearsal in an environment whose
// AZURE_FEDERATED_TOKEN_FILE (a pod's workload identity) or AZURE_CLIENT_CERTIFICATE_PATH was set for
// the Azure SDKs: that namesake won, and the warning said only "a certificate goes first", naming
// neither the variable that won nor how to keep the secret.
test('material in use from an ambient AZURE_* namesake is named, with the MDE_CREDENTIAL that keeps the setting', () => {
  const env = { MDE_CLIENT_SECRET: 'a-secret', AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/token' };
  const [line] = unusedCredentialWarnings(env, signingInWith('federated'));
  expect(line).toContain(
    'MDE_CLIENT_SECRET is set but not used: the operator app signs in with federated, from AZURE_FEDERATED_TOKEN_FILE, an Azure SDK setting of this environment',
  );
  expect(line).toContain('set MDE_CREDENTIAL=secret to sign in with MDE_CLIENT_SECRET');
  expect(line).not.toContain('a-secret');
});
