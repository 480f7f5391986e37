import type { Env } from './read-env.ts';
import type { TargetSpec } from './target-spec.ts';
import { OPERATOR_MATERIAL } from './tenant-credentials.ts';

// The operator app signs in one way; credential material set for another way is not used, and the
// user may believe it is (a rotated secret beside a certificate that still wins). One line each.
export function unusedCredentialWarnings(env: Env, target: TargetSpec): string[] {
  if (target.mode !== 'tenant') return [];
  const used = target.credentials.operator.kind;
  return Object.entries(OPERATOR_MATERIAL)
    .filter(([kind, variable]) => kind !== used && env[variable]?.trim())
    .map(
      ([, variable]) =>
        `warning: ${variable} is set but not used: the operator app signs in with ${used}` +
        ' (MDE_CREDENTIAL chooses; unset, a certificate goes first, then a federated token file, then a secret)',
    );
}
