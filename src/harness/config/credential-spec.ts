import { readUserFile } from '../../common/regular-file.ts';
import { unreadableFile } from '../../common/unreadable-file.ts';
import { ConfigError } from '../errors.ts';
import { registerSecret } from '../redaction/redact.ts';
import { registerPrivateKey } from './credential-files.ts';
import { type Env, readEnv } from './read-env.ts';
import type { ActionRole } from './roles.ts';

// How one app signs in, as data: it names where the secret lives (a variable, a file), never the
// secret itself, so it may travel in a TargetSpec, a worker option or a report. Whoever signs in reads
// the secret with readSecret when the token is needed.
export type CredentialSpec =
  // A client secret, held by the variable named (MDE_CLIENT_SECRET, or AZURE_CLIENT_SECRET ...).
  | { kind: 'secret'; clientId: string; secretVariable: string }
  // A PEM file with the certificate and its private key (absolute path).
  | { kind: 'certificate'; clientId: string; certificatePath: string }
  // A file holding a federated identity token, re-read at each sign-in (it is rotated).
  | { kind: 'federated'; clientId: string; tokenFile: string }
  // The GitHub Actions job's OIDC token for audience api://AzureADTokenExchange, asked for at
  // ACTIONS_ID_TOKEN_REQUEST_URL with ACTIONS_ID_TOKEN_REQUEST_TOKEN.
  | { kind: 'github-oidc'; clientId: string }
  // The Azure default credential chain (environment, workload identity, managed identity, CLI ...).
  | { kind: 'default'; clientId?: string };

export type CredentialKind = CredentialSpec['kind'];

export type SecretBearingSpec = Extract<CredentialSpec, { kind: 'secret' | 'certificate' | 'federated' }>;

// Tenant mode: the operator app, the app with no action role, and one app per action role.
export interface TenantCredentials {
  operator: CredentialSpec;
  limited?: CredentialSpec;
  roles: Partial<Record<ActionRole, CredentialSpec>>;
}

export const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';

// The secret a spec names: the client secret, the certificate PEM (certificate and private key) or the
// federated token. Registered with the redactor before it is returned. `env`, when given, must hold
// what the configuration read (.env included), as readEnv() does.
export function readSecret(spec: SecretBearingSpec, env?: Env): string {
  if (spec.kind === 'secret') {
    // Read only here: a federated token is re-read at every sign-in, and copying an environment that
    // holds the run plan each time cost a rehearsal worker a tenth of a second.
    const value = (env ?? readEnv())[spec.secretVariable]?.trim();
    if (!value)
      throw new ConfigError([
        {
          variable: spec.secretVariable,
          problem: 'is empty at sign-in time although it was set at start; set it again',
        },
      ]);
    registerSecret(value, { configured: true });
    return value;
  }
  const path = spec.kind === 'certificate' ? spec.certificatePath : spec.tokenFile;
  let value: string;
  try {
    value = readUserFile(path, 'utf8').trim();
  } catch (error) {
    // Said as what to fix: a file refused by what it is or its size has no error code.
    throw new ConfigError([
      {
        variable: path,
        problem: `cannot be read at sign-in time (${unreadableFile(error)}); it was at start`,
      },
    ]);
  }
  if (spec.kind === 'certificate') registerPrivateKey(value);
  else registerSecret(value, { configured: true });
  if (!value)
    throw new ConfigError([{ variable: path, problem: 'is empty at sign-in time; it was not at start' }]);
  return value;
}
