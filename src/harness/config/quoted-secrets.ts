import type { CredentialSpec } from './credential-spec.ts';
import type { Env } from './read-env.ts';
import type { TargetSpec } from './target-spec.ts';

// A client secret in a pair of quotes that stayed part of it (cmd.exe's `set NAME="..."`, Docker's
// --env-file, some CI variable forms): the sign-in is refused as a wrong secret (AADSTS7000215) and
// nothing said why. Entra ID makes secrets without quotes; a warning, not a refusal, since an older
// secret set by hand may hold any character. The value is never shown.
const QUOTED = /^(["'])[\s\S]*\1$/;

export function quotedSecretWarnings(env: Env, target: TargetSpec): string[] {
  if (target.mode !== 'tenant') return [];
  const { operator, limited, roles } = target.credentials;
  const specs = [operator, limited, ...Object.values(roles)].filter(
    (spec): spec is CredentialSpec => spec !== undefined,
  );
  const variables = specs.flatMap((spec) =>
    spec.kind === 'secret' ? [spec.secretVariable] : spec.kind === 'default' ? ['AZURE_CLIENT_SECRET'] : [],
  );
  return [...new Set(variables)]
    .filter((name) => QUOTED.test(env[name]?.trim() ?? ''))
    .map(
      (name) =>
        `warning: ${name}'s value is in a pair of quotes, which are part of it here (cmd.exe's set, Docker's --env-file and some CI variables keep them), and Entra ID refuses it as a wrong secret (AADSTS7000215): remove them`,
    );
}
