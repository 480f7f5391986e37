import { resolve } from 'node:path';
import type { CheckedEnvironment } from './check-environment.ts';
import type { ConfigProblems } from './config-problems.ts';
import { certificateFileProblem, tokenFileProblem } from './credential-files.ts';
import type { CredentialKind, CredentialSpec, TenantCredentials } from './credential-spec.ts';
import { setIt } from './env-schema.ts';
import type { Env } from './read-env.ts';
import { ACTION_ROLES, roleEnvName } from './roles.ts';

// Tenant mode: how each app signs in, read from the environment after the schema check. Every problem
// is one line naming the variable to fix.

export const OPERATOR_MATERIAL = {
  secret: 'MDE_CLIENT_SECRET',
  certificate: 'MDE_CLIENT_CERTIFICATE_PATH',
  federated: 'MDE_FEDERATED_TOKEN_FILE',
} as const;
const MATERIAL_IS = {
  secret: 'a client secret of the app',
  certificate: 'a PEM file with the certificate and its private key',
  federated: 'a file holding the federated token',
} as const;
const GITHUB_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
const OTHER_WAYS = 'MDE_CLIENT_CERTIFICATE_PATH, MDE_FEDERATED_TOKEN_FILE or MDE_CREDENTIAL=github-oidc';

// `now` (epoch ms, the configuration's clock) dates the certificates.
export function tenantCredentials(
  c: CheckedEnvironment,
  env: Env,
  problems: ConfigProblems,
  now: number,
): TenantCredentials | undefined {
  const operator = operatorCredential(c, env, problems, now);
  const limited = appCredential('MDE_LIMITED', operator, c, problems, now);
  const roles: TenantCredentials['roles'] = {};
  for (const role of ACTION_ROLES) {
    const app = appCredential(roleEnvName(role), operator, c, problems, now);
    if (app) roles[role] = app;
  }
  const known = ACTION_ROLES.map(roleEnvName);
  for (const name of Object.keys(env)) {
    const prefix = /^(MDE_ROLE_.+)_CLIENT_(ID|SECRET|CERTIFICATE_PATH)$/.exec(name)?.[1];
    if (prefix && env[name]?.trim() && !known.includes(prefix))
      problems.add(name, `names no action role; use one of ${known.join(', ')}`);
  }
  return operator && { operator, ...(limited ? { limited } : {}), roles };
}

// MDE_CREDENTIAL, or else the first credential set: certificate, federated token file, secret.
function operatorCredential(
  c: CheckedEnvironment,
  env: Env,
  problems: ConfigProblems,
  now: number,
): CredentialSpec | undefined {
  if (c.isSet('MDE_CREDENTIAL') && !c.values.MDE_CREDENTIAL) return undefined;
  const kind: CredentialKind | undefined =
    c.values.MDE_CREDENTIAL ??
    (['certificate', 'federated', 'secret'] as const).find((k) => c.isSet(OPERATOR_MATERIAL[k]));
  const clientId = c.values.MDE_CLIENT_ID;
  if (kind === 'default') return { kind, ...(clientId ? { clientId } : {}) };
  const id = c.nameOf('MDE_CLIENT_ID');
  if (!kind) {
    if (!c.isSet('MDE_CLIENT_ID'))
      problems.add(
        id,
        `is required when MDE_TARGET=tenant; ${setIt('MDE_CLIENT_ID')} to the operator app registration id`,
      );
    problems.add(
      'MDE_CLIENT_SECRET',
      `is required when MDE_TARGET=tenant; ${setIt('MDE_CLIENT_SECRET')} to a client secret of ${id}, or sign in without one: ${OTHER_WAYS}`,
    );
    return undefined;
  }
  const material = kind === 'github-oidc' ? undefined : c.nameOf(OPERATOR_MATERIAL[kind]);
  if (!c.isSet('MDE_CLIENT_ID'))
    problems.add(
      id,
      c.values.MDE_CREDENTIAL || !material
        ? `is required by MDE_CREDENTIAL=${kind}; ${setIt('MDE_CLIENT_ID')} to the operator app registration id`
        : `is missing while ${material} is set; ${setIt('MDE_CLIENT_ID')} to the id of the app that credential belongs to`,
    );
  if (kind === 'github-oidc') {
    const missing = GITHUB_VARIABLES.filter((name) => !env[name]?.trim());
    if (missing.length)
      problems.add(
        'MDE_CREDENTIAL',
        `is github-oidc but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set; run in a GitHub Actions job with \`permissions: id-token: write\``,
      );
    return clientId && !missing.length ? { kind, clientId } : undefined;
  }
  return materialCredential(kind, clientId, OPERATOR_MATERIAL[kind], c, problems, now);
}

// The limited app or one role's app: certificate, else secret, else (when the operator signs in with a
// federated token) the same token exchanged for this app, which needs its own federated credential.
function appCredential(
  prefix: string,
  operator: CredentialSpec | undefined,
  c: CheckedEnvironment,
  problems: ConfigProblems,
  now: number,
): CredentialSpec | undefined {
  const [id, secret, certificate] = ['ID', 'SECRET', 'CERTIFICATE_PATH'].map(
    (s) => `${prefix}_CLIENT_${s}`,
  ) as [string, string, string];
  const kind = c.isSet(certificate) ? 'certificate' : c.isSet(secret) ? 'secret' : undefined;
  if (!c.isSet(id)) {
    if (kind)
      problems.add(
        id,
        `is missing while ${kind === 'secret' ? secret : certificate} is set; set both or neither`,
      );
    return undefined;
  }
  const clientId = c.get(id);
  if (kind)
    return materialCredential(kind, clientId, kind === 'secret' ? secret : certificate, c, problems, now);
  if (!clientId) return undefined;
  if (operator?.kind === 'federated' || operator?.kind === 'github-oidc') return { ...operator, clientId };
  problems.add(secret, `is missing while ${id} is set; set it or ${certificate}, or unset ${id}`);
  return undefined;
}

// `key` is the schema's name of the variable; messages and the spec name the one the user set. The
// material is checked even when the client id is bad or missing (reported apart), so that one run
// names every problem.
function materialCredential(
  kind: 'secret' | 'certificate' | 'federated',
  clientId: string | undefined,
  key: string,
  c: CheckedEnvironment,
  problems: ConfigProblems,
  now: number,
): CredentialSpec | undefined {
  const variable = c.nameOf(key);
  const value = c.get(key);
  if (!value) {
    if (!c.isSet(key))
      problems.add(variable, `is required by MDE_CREDENTIAL=${kind}; ${setIt(key)} to ${MATERIAL_IS[kind]}`);
    return undefined;
  }
  const problem =
    kind === 'secret'
      ? undefined
      : kind === 'certificate'
        ? certificateFileProblem(value, now)
        : tokenFileProblem(value);
  if (problem) problems.add(variable, problem);
  if (problem || !clientId) return undefined;
  if (kind === 'secret') return { kind, clientId, secretVariable: variable };
  return kind === 'certificate'
    ? { kind, clientId, certificatePath: resolve(value) }
    : { kind, clientId, tokenFile: resolve(value) };
}
