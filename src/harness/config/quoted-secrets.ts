import type { CredentialSpec } from './credential-spec.ts';
import type { Env } from './read-env.ts';
import type { TargetSpec } from './target-spec.ts';

// A client secret in a pair of quotes that stayed part of it (cmd.exe's `set NAME="..."`, Docker's
// --env-file, some CI variable forms): the sign-in is refused as a wrong secret (AADSTS7000215) and
// nothing said why. Entra ID makes secrets without quotes; a warning, not a refusal, since an older
// secret set by hand may hold any character. The value is never shown.
const QUOTED = /^(["'])[\s\S]*\1$/;
// Whitespace around a secret (a copied line end, a space): Entra ID counts it as part of the secret. The
// suite's secret sign-in trims it and signs in, where MSAL or the Azure SDKs given the same variable are
// refused; the default chain's AZURE_CLIENT_SECRET goes to @azure/identity as set, and is refused here.
const PADDED = /^\s|\s$/;

export function quotedSecretWarnings(env: Env, target: TargetSpec): string[] {
  if (target.mode !== 'tenant') return [];
  const { operator, limited, roles } = target.credentials;
  const specs = [operator, limited, ...Object.values(roles)].filter(
    (spec): spec is CredentialSpec => spec !== undefined,
  );
  const variables = specs.flatMap((spec) =>
    spec.kind === 'secret' ? [spec.secretVariable] : spec.kind === 'default' ? ['AZURE_CLIENT_SECRET'] : [],
  );
  return [...new Set(variables)].flatMap((name) => {
    const value = env[name] ?? '';
    const lines: string[] = [];
    if (QUOTED.test(value.trim()))
      lines.push(
        `warning: ${name}'s value is in a pair of quotes, which are part of it here (cmd.exe's set, Docker's --env-file and some CI variables keep them), and Entra ID refuses it as a wrong secret (AADSTS7000215): remove them`,
      );
    const inside = QUOTED.test(value.trim()) ? value.trim().slice(1, -1) : value;
    if (value.trim() && PADDED.test(inside))
      lines.push(
        `warning: ${name}'s value has whitespace before or after it, which Entra ID counts as part of the secret (AADSTS7000215, a wrong secret)${trimmedHere(name, specs) ? '; this suite leaves it out, but a client that sends the value as set (MSAL, the Azure SDKs) is refused' : ''}: remove it`,
      );
    return lines;
  });
}

// The secret sign-in reads its variable trimmed; the default chain's is read by @azure/identity as set.
function trimmedHere(name: string, specs: CredentialSpec[]): boolean {
  return specs.some((spec) => spec.kind === 'secret' && spec.secretVariable === name);
}
