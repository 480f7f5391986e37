import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Env, loadConfig, readEnv } from '../../src/harness/config/load-config.ts';
import { ConfigError } from '../../src/harness/errors.ts';

const TENANT: Env = {
  MDE_TARGET: 'tenant',
  MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  MDE_CLIENT_SECRET: 'a-client-secret-value-xyz',
};

function problems(env: Env): string[] {
  const error = (() => {
    try {
      loadConfig(env);
    } catch (e) {
      return e;
    }
    throw new Error('loadConfig accepted the configuration');
  })();
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).lines();
}

test.describe('configuration', () => {
  test('nothing set means the embedded emulator', () => {
    const config = loadConfig({});
    expect(config.target).toEqual({ mode: 'embedded' });
    expect(config.runId).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
  });

  test('an unknown MDE_TARGET names the variable, the choices and the value', () => {
    expect(problems({ MDE_TARGET: 'prod' })).toEqual([
      'ConfigError: MDE_TARGET must be one of embedded, emulator, tenant (got "prod")',
    ]);
  });

  test('every problem is reported, one line each', () => {
    const lines = problems({
      MDE_TARGET: 'tenant',
      MDE_QUOTA_SHARE: '2',
      MDE_ALLOW_WRITES: 'yes',
      MDE_RUN_ID: 'a b',
    });
    expect(lines).toHaveLength(6);
    for (const variable of [
      'MDE_QUOTA_SHARE',
      'MDE_ALLOW_WRITES',
      'MDE_RUN_ID',
      'MDE_TENANT_ID',
      'MDE_CLIENT_ID',
      'MDE_CLIENT_SECRET',
    ])
      expect(lines.some((l) => l.startsWith(`ConfigError: ${variable} `))).toBe(true);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  test('embedded with MDE_API_BASE_URL is refused, since it would ignore the URL', () => {
    expect(problems({ MDE_API_BASE_URL: 'http://127.0.0.1:4010' })[0]).toContain(
      'MDE_API_BASE_URL is set but MDE_TARGET is embedded',
    );
  });

  test('emulator mode takes any http(s) origin and derives the others from it', () => {
    const { target } = loadConfig({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'http://emu.test:4010/' });
    expect(target).toEqual({
      mode: 'emulator',
      apiBaseUrl: 'http://emu.test:4010',
      authBaseUrl: 'http://emu.test:4010',
      controlBaseUrl: 'http://emu.test:4010',
    });
  });

  test('URLs must be origins with http or https', () => {
    expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'ftp://x' })[0]).toContain(
      'must use http or https',
    );
    expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'http://x/api' })[0]).toContain(
      'without path',
    );
    expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'not a url' })[0]).toContain('must be a URL');
  });

  test('a complete tenant configuration uses the documented defaults', () => {
    const config = loadConfig(TENANT);
    expect(config.target).toMatchObject({
      mode: 'tenant',
      apiBaseUrl: 'https://api.securitycenter.microsoft.com',
      authBaseUrl: 'https://login.microsoftonline.com',
      scope: 'https://api.securitycenter.microsoft.com/.default',
      allowWrites: false,
      allowThrottling: false,
      quotaShare: 0.5,
    });
    expect(config.credentials?.operator.clientId).toBe(TENANT.MDE_CLIENT_ID);
    expect(JSON.stringify(config.target)).not.toContain(TENANT.MDE_CLIENT_SECRET);
  });

  test('tenant mode takes only documented https hosts, or loopback', () => {
    expect(problems({ ...TENANT, MDE_API_BASE_URL: 'http://api.security.microsoft.com' })[0]).toContain(
      'must use https',
    );
    expect(problems({ ...TENANT, MDE_API_BASE_URL: 'https://api.evil.example' })[0]).toContain(
      'documented Defender for Endpoint API host',
    );
    expect(problems({ ...TENANT, MDE_AUTH_BASE_URL: 'https://login.evil.example' })[0]).toContain(
      'Microsoft Entra sign-in host',
    );
    expect(
      loadConfig({ ...TENANT, MDE_API_BASE_URL: 'https://eu.api.security.microsoft.com' }).target.mode,
    ).toBe('tenant');
    const loop = loadConfig({ ...TENANT, MDE_API_BASE_URL: 'http://127.0.0.1:4010' }).target;
    expect(loop).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:4010', authBaseUrl: 'http://127.0.0.1:4010' });
  });

  test('US Gov GCC High signs in at login.microsoftonline.us and asks for its own audience', () => {
    const { target } = loadConfig({
      ...TENANT,
      MDE_API_BASE_URL: 'https://api-gov.securitycenter.microsoft.us',
    });
    expect(target).toMatchObject({
      authBaseUrl: 'https://login.microsoftonline.us',
      scope: 'https://api-gov.securitycenter.microsoft.us/.default',
    });
  });

  test('tenant ids and client ids must be GUIDs; pairs must be complete', () => {
    expect(problems({ ...TENANT, MDE_TENANT_ID: 'contoso' })[0]).toContain('MDE_TENANT_ID must be a GUID');
    expect(problems({ ...TENANT, MDE_CLIENT_ID: 'app' })[0]).toContain(
      'MDE_CLIENT_ID must be an application (client) id GUID',
    );
    expect(problems({ ...TENANT, MDE_LIMITED_CLIENT_ID: TENANT.MDE_CLIENT_ID })[0]).toContain(
      'MDE_LIMITED_CLIENT_SECRET is missing while MDE_LIMITED_CLIENT_ID is set',
    );
  });

  test('switches that need another setting say which', () => {
    expect(problems({ ...TENANT, MDE_ALLOW_WRITES: 'true' })[0]).toContain('MDE_MACHINE_ID is not set');
    expect(problems({ ...TENANT, MDE_ALLOW_HOUR_THROTTLING: 'true' })[0]).toContain(
      'MDE_ALLOW_THROTTLING is not',
    );
    expect(problems({ MDE_SCOPE: 'https://x' })[0]).toContain('ending in "/.default"');
  });

  test('per-role apps are read for PERM.ROLES on a tenant', () => {
    const config = loadConfig({
      ...TENANT,
      MDE_ROLE_ISOLATE_CLIENT_ID: '22222222-2222-4333-8444-555555555555',
      MDE_ROLE_ISOLATE_CLIENT_SECRET: 'isolate-secret-value',
    });
    expect(Object.keys(config.credentials?.roles ?? {})).toEqual(['Machine.Isolate']);
  });

  test('no message ever contains a secret, even when the secret is the bad value', () => {
    const secret = 'Sup3r-Secret-Value-~.123';
    const lines = problems({
      ...TENANT,
      MDE_CLIENT_ID: secret,
      MDE_CLIENT_SECRET: secret,
      MDE_LIMITED_CLIENT_SECRET: secret,
    });
    for (const line of lines) expect(line).not.toContain(secret);
  });

  test('.env is read, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    writeFileSync(
      join(dir, '.env'),
      'MDE_TARGET=emulator\nMDE_API_BASE_URL=http://from-file:1\nMDE_QUOTA_SHARE=0.25\n',
    );
    const env = readEnv(dir, { MDE_API_BASE_URL: 'http://from-env:2' });
    expect(env).toMatchObject({
      MDE_TARGET: 'emulator',
      MDE_API_BASE_URL: 'http://from-env:2',
      MDE_QUOTA_SHARE: '0.25',
    });
    expect(loadConfig(env).target).toMatchObject({ mode: 'emulator', apiBaseUrl: 'http://from-env:2' });
  });
});
