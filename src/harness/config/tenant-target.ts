import type { CheckedEnvironment } from './check-environment.ts';
import { clientIsTenantProblems } from './client-is-tenant.ts';
import type { ConfigProblems } from './config-problems.ts';
import { setIt } from './env-schema.ts';
import { GOV_HIGH_API_HOSTS, isLoopback } from './hosts.ts';
import { tenantOrigin } from './origin-variables.ts';
import { quotaShareProblem } from './quota-share.ts';
import type { Env } from './read-env.ts';
import type { NamesakeVariables, TenantTarget } from './target-spec.ts';
import { tenantCredentials } from './tenant-credentials.ts';
import { defaultTenantScope } from './tenant-scope.ts';

const DEFAULT_TENANT_API = 'https://api.securitycenter.microsoft.com';

// MDE_TARGET=tenant: the API and sign-in origins (the sign-in's default follows the API's cloud), the
// tenant, the safety switches and quota share, and the credentials; each problem added to `problems`.
// Undefined when the tenant or its credentials cannot be read; `now` (epoch ms) dates certificates.
export function tenantTarget(
  c: CheckedEnvironment,
  env: Env,
  problems: ConfigProblems,
  now: number,
): TenantTarget | undefined {
  const v = c.values;
  const apiBaseUrl = tenantOrigin(c, 'MDE_API_BASE_URL', 'api', problems) ?? DEFAULT_TENANT_API;
  const apiHost = new URL(apiBaseUrl).hostname;
  const defaultAuth = GOV_HIGH_API_HOSTS.includes(apiHost)
    ? 'https://login.microsoftonline.us'
    : isLoopback(apiHost)
      ? apiBaseUrl
      : 'https://login.microsoftonline.com';
  const authBaseUrl = tenantOrigin(c, 'MDE_AUTH_BASE_URL', 'auth', problems) ?? defaultAuth;
  const scope = v.MDE_SCOPE ?? defaultTenantScope(apiBaseUrl);
  if (!c.isSet('MDE_TENANT_ID'))
    problems.add(
      'MDE_TENANT_ID',
      `is required when MDE_TARGET=tenant; ${setIt('MDE_TENANT_ID')} to the Directory (tenant) ID GUID`,
    );
  if (v.MDE_ALLOW_WRITES && !c.isSet('MDE_MACHINE_ID'))
    problems.add(
      'MDE_ALLOW_WRITES',
      'is true but MDE_MACHINE_ID is not set; name the one device the suite may scan',
    );
  const shareProblem =
    !c.isBad('MDE_QUOTA_SHARE') &&
    quotaShareProblem(v.MDE_QUOTA_SHARE, c.written('MDE_QUOTA_SHARE') ?? String(v.MDE_QUOTA_SHARE));
  if (shareProblem) problems.add('MDE_QUOTA_SHARE', shareProblem);
  clientIsTenantProblems(c, env, problems);
  const credentials = tenantCredentials(c, env, problems, now);
  if (!credentials || !v.MDE_TENANT_ID) return undefined;
  const variables: NamesakeVariables = {};
  for (const [setting, name] of [
    ['authBaseUrl', 'MDE_AUTH_BASE_URL'],
    ['tenantId', 'MDE_TENANT_ID'],
    ['clientId', 'MDE_CLIENT_ID'],
  ] as const)
    if (c.nameOf(name) !== name) variables[setting] = c.nameOf(name);
  return {
    mode: 'tenant',
    apiBaseUrl,
    authBaseUrl,
    tenantId: v.MDE_TENANT_ID,
    ...(Object.keys(variables).length ? { variables } : {}),
    scope,
    ...(v.MDE_MACHINE_ID ? { machineId: v.MDE_MACHINE_ID } : {}),
    allowWrites: v.MDE_ALLOW_WRITES,
    allowThrottling: v.MDE_ALLOW_THROTTLING,
    allowHourThrottling: v.MDE_ALLOW_HOUR_THROTTLING,
    quotaShare: v.MDE_QUOTA_SHARE,
    quotaScope: v.MDE_QUOTA_SCOPE,
    credentials,
  };
}
