import { schemaOf } from './env-schema.ts';
import type { Env } from './read-env.ts';
import type { TargetSpec } from './target-spec.ts';
import { OPERATOR_MATERIAL } from './tenant-credentials.ts';

// The operator app signs in one way; credential material set for another way is not used, and the
// user may believe it is (a rotated secret beside a certificate that still wins). One line each.
export function unusedCredentialWarnings(env: Env, target: TargetSpec): string[] {
  if (target.mode !== 'tenant') return [];
  const used = target.credentials.operator.kind;
  const winner = ambientNamesake(env, used);
  return Object.entries(OPERATOR_MATERIAL)
    .filter(([kind, variable]) => kind !== used && env[variable]?.trim())
    .map(
      ([kind, variable]) =>
        `warning: ${variable} is set but not used: the operator app signs in with ${used}` +
        (winner
          ? `, from ${winner}, an Azure SDK setting of this environment (workload identity sets AZURE_FEDERATED_TOKEN_FILE in a pod); set MDE_CREDENTIAL=${kind} to sign in with ${variable}`
          : ' (MDE_CREDENTIAL chooses; unset, a certificate goes first, then a federated token file, then a secret)'),
    );
}

// The material in use came from its AZURE_* namesake, not set for this run: a CI image's or a pod's.
// An MDE_* setting of the user's then lost to it, which "a certificate goes first" did not explain.
function ambientNamesake(env: Env, used: string): string | undefined {
  const variable = OPERATOR_MATERIAL[used as keyof typeof OPERATOR_MATERIAL];
  if (!variable || env[variable]?.trim()) return undefined;
  const fallback = schemaOf(variable)?.fallback;
  return fallback && env[fallback]?.trim() ? fallback : undefined;
}
