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
