import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { DEFAULT_SCOPE } from '../../contract/index.ts';
import { ConfigError, type ConfigProblem } from '../errors.ts';
import { registerSecret } from '../redaction/redact.ts';
import { API_HOSTS, AUTH_HOSTS, GOV_API_HOSTS, GOV_HIGH_API_HOSTS, isLoopback } from './hosts.ts';
import { ACTION_ROLES, type ActionRole, roleEnvName } from './roles.ts';
import type { TargetMode, TargetSpec } from './target-spec.ts';

export type Env = Record<string, string | undefined>;

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

// Tenant mode only; never part of a TargetSpec, never written anywhere.
export interface TenantCredentials {
  operator: AppCredentials;
  limited?: AppCredentials;
  roles: Partial<Record<ActionRole, AppCredentials>>;
}

export interface HarnessConfig {
  target: TargetSpec;
  // Tags everything a run creates on a tenant (Comment) and names its ledgers.
  runId: string;
  credentials?: TenantCredentials;
}

const MODES: readonly TargetMode[] = ['embedded', 'emulator', 'tenant'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_TENANT_API = 'https://api.securitycenter.microsoft.com';
const DEFAULT_EMULATOR_API = 'http://127.0.0.1:4010';

// The environment wins over .env (interfaces.md section 2).
export function readEnv(cwd = process.cwd(), env: Env = process.env): Env {
  const file = join(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...env };
}

// Reads and validates the whole configuration; throws one ConfigError listing every problem.
export function loadConfig(env: Env = readEnv()): HarnessConfig {
  const v = new Validator(env);
  for (const name of Object.keys(env)) if (/SECRET/.test(name)) registerSecret(env[name]);

  const mode = v.oneOf('MDE_TARGET', MODES, 'embedded');
  const runId =
    v.match('MDE_RUN_ID', /^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-", at most 64') ??
    newRunId();
  const scopeRaw = env.MDE_SCOPE?.trim();
  if (scopeRaw !== undefined && scopeRaw !== '' && !/^(https?|api):\/\/\S+\/\.default$/.test(scopeRaw))
    v.problem('MDE_SCOPE', `must be a resource URI ending in "/.default" (got "${scopeRaw}")`);
  const quotaShare = v.number(
    'MDE_QUOTA_SHARE',
    0.5,
    (n) => n > 0 && n <= 1,
    'a number above 0 and at most 1',
  );
  const allowWrites = v.bool('MDE_ALLOW_WRITES');
  const allowThrottling = v.bool('MDE_ALLOW_THROTTLING');
  const allowHourThrottling = v.bool('MDE_ALLOW_HOUR_THROTTLING');
  if (allowHourThrottling && !allowThrottling)
    v.problem(
      'MDE_ALLOW_HOUR_THROTTLING',
      'is true but MDE_ALLOW_THROTTLING is not; set both to true, or unset it',
    );
  const tenantIdRaw = v.match('MDE_TENANT_ID', GUID, 'a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47');

  let target: TargetSpec | undefined;
  let credentials: TenantCredentials | undefined;
  if (mode === 'embedded') {
    if (env.MDE_API_BASE_URL?.trim())
      v.problem(
        'MDE_API_BASE_URL',
        'is set but MDE_TARGET is embedded (the default), which starts its own emulator; set MDE_TARGET=emulator or tenant, or unset MDE_API_BASE_URL',
      );
    const faults = listOf(env.MDE_EMULATOR_FAULTS);
    target = {
      mode,
      ...(env.MDE_EMULATOR_PROFILE?.trim() ? { profile: env.MDE_EMULATOR_PROFILE.trim() } : {}),
      ...(faults.length ? { faults } : {}),
      ...(scopeRaw ? { scope: scopeRaw } : {}),
    };
  } else if (mode === 'emulator') {
    const apiBaseUrl = v.origin('MDE_API_BASE_URL', DEFAULT_EMULATOR_API, 'any') ?? DEFAULT_EMULATOR_API;
    const authBaseUrl = v.origin('MDE_AUTH_BASE_URL', apiBaseUrl, 'any');
    const controlBaseUrl = v.origin('MDE_CONTROL_BASE_URL', apiBaseUrl, 'any');
    target = { mode, apiBaseUrl, authBaseUrl, controlBaseUrl, ...(scopeRaw ? { scope: scopeRaw } : {}) };
  } else if (mode === 'tenant') {
    const apiBaseUrl = v.origin('MDE_API_BASE_URL', DEFAULT_TENANT_API, 'api') ?? DEFAULT_TENANT_API;
    const apiHost = safeHost(apiBaseUrl);
    const defaultAuth = GOV_HIGH_API_HOSTS.includes(apiHost)
      ? 'https://login.microsoftonline.us'
      : isLoopback(apiHost)
        ? apiBaseUrl
        : 'https://login.microsoftonline.com';
    const authBaseUrl = v.origin('MDE_AUTH_BASE_URL', defaultAuth, 'auth') ?? defaultAuth;
    // The Gov clouds expect a token for their own API host (mde-contract.md section 1.3).
    const scope =
      scopeRaw || (GOV_API_HOSTS.includes(apiHost) ? `https://${apiHost}/.default` : DEFAULT_SCOPE);
    if (!tenantIdRaw)
      v.problem('MDE_TENANT_ID', 'is required when MDE_TARGET=tenant; set it to the tenant GUID');
    const operator = v.app('MDE_CLIENT_ID', 'MDE_CLIENT_SECRET', true);
    const limited = v.app('MDE_LIMITED_CLIENT_ID', 'MDE_LIMITED_CLIENT_SECRET', false);
    const roles: TenantCredentials['roles'] = {};
    for (const role of ACTION_ROLES) {
      const app = v.app(`${roleEnvName(role)}_CLIENT_ID`, `${roleEnvName(role)}_CLIENT_SECRET`, false);
      if (app) roles[role] = app;
    }
    const machineId = v.match(
      'MDE_MACHINE_ID',
      /^[A-Za-z0-9-]{8,64}$/,
      'the device id (usually 40 hexadecimal characters)',
    );
    if (allowWrites && !machineId)
      v.problem(
        'MDE_ALLOW_WRITES',
        'is true but MDE_MACHINE_ID is not set; name the one device the suite may scan',
      );
    target = {
      mode,
      apiBaseUrl,
      authBaseUrl,
      tenantId: tenantIdRaw ?? '',
      scope,
      ...(machineId ? { machineId } : {}),
      allowWrites,
      allowThrottling,
      allowHourThrottling,
      quotaShare,
    };
    if (operator) credentials = { operator, ...(limited ? { limited } : {}), roles };
  }
  v.throwIfAny();
  return { target: target!, runId, ...(credentials ? { credentials } : {}) };
}

function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

// Collects problems instead of stopping at the first one.
class Validator {
  private readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  problem(variable: string, problem: string): void {
    this.problems.push({ variable, problem });
  }

  throwIfAny(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
    return undefined;
  }

  match(name: string, pattern: RegExp, what: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (pattern.test(value)) return value;
    this.problem(name, `must be ${what} (got "${value}")`);
    return undefined;
  }

  bool(name: string): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined || value === 'false' || value === '0') return false;
    if (value === 'true' || value === '1') return true;
    this.problem(name, `must be true or false (got "${this.raw(name)}")`);
    return false;
  }

  number(name: string, fallback: number, ok: (n: number) => boolean, what: string): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (Number.isFinite(n) && ok(n)) return n;
    this.problem(name, `must be ${what} (got "${value}")`);
    return fallback;
  }

  // An origin (scheme://host[:port]); kind says which hosts are allowed.
  origin(name: string, fallback: string, kind: 'any' | 'api' | 'auth'): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problem(name, `must be a URL such as https://api.securitycenter.microsoft.com (got "${value}")`);
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.problem(name, `must use http or https (got "${value}")`);
      return undefined;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      this.problem(
        name,
        `must be an origin without path, query or credentials, e.g. ${url.origin} (got "${value}")`,
      );
      return undefined;
    }
    if (kind === 'any' || isLoopback(url.hostname)) return url.origin;
    const hosts = kind === 'api' ? API_HOSTS : AUTH_HOSTS;
    if (url.protocol !== 'https:') {
      this.problem(name, `must use https for a tenant (got "${value}"); use https://${url.host}`);
      return undefined;
    }
    if (!hosts.includes(url.hostname)) {
      this.problem(
        name,
        `must be a documented ${kind === 'api' ? 'Defender for Endpoint API' : 'Microsoft Entra sign-in'} host such as https://${hosts[0]} or a loopback address (got "${value}")`,
      );
      return undefined;
    }
    return url.origin;
  }

  // A client id + secret pair; both or neither unless required.
  app(idName: string, secretName: string, required: boolean): AppCredentials | undefined {
    const clientId = this.raw(idName);
    const clientSecret = this.env[secretName]?.trim() || undefined;
    if (!clientId && !clientSecret) {
      if (required) {
        this.problem(
          idName,
          'is required when MDE_TARGET=tenant; set it to the operator app registration id',
        );
        this.problem(
          secretName,
          `is required when MDE_TARGET=tenant; set it to a client secret of ${idName}`,
        );
      }
      return undefined;
    }
    if (!clientId) {
      this.problem(idName, `is missing while ${secretName} is set; set both or neither`);
      return undefined;
    }
    if (!clientSecret) {
      this.problem(secretName, `is missing while ${idName} is set; set both or neither`);
      return undefined;
    }
    if (!GUID.test(clientId)) {
      this.problem(idName, `must be an application (client) id GUID (got "${clientId}")`);
      return undefined;
    }
    return { clientId, clientSecret };
  }
}
