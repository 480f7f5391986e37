import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ENV_SCHEMA } from '../../src/harness/config/env-schema.ts';
import { isLoopback } from '../../src/harness/config/hosts.ts';
import { type Env, loadConfig, readEnv } from '../../src/harness/config/load-config.ts';
import type { TenantTarget } from '../../src/harness/config/target-spec.ts';
import { ConfigError } from '../../src/harness/errors.ts';

const TENANT: Env = {
  MDE_TARGET: 'tenant',
  MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  MDE_CLIENT_SECRET: 'a-client-secret-value-xyz',
};
const OTHER_ID = '22222222-2222-4333-8444-555555555555';
const dir = mkdtempSync(join(tmpdir(), 'config-'));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

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

const tenant = (env: Env) => loadConfig(env).target as TenantTarget;

test.describe('configuration', () => {
  test('nothing set means the embedded emulator', () => {
    const config = loadConfig({});
    expect(config.target).toEqual({ mode: 'embedded' });
    expect(config.runId).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
    expect(config).toMatchObject({ requestTimeoutMs: 10_000, testTimeoutMs: 30_000 });
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
    const variables = ['MDE_QUOTA_SHARE', 'MDE_ALLOW_WRITES', 'MDE_RUN_ID', 'MDE_TENANT_ID', 'MDE_CLIENT_ID'];
    expect(lines.map((l) => l.split(' ')[1])).toEqual(
      expect.arrayContaining([...variables, 'MDE_CLIENT_SECRET']),
    );
    expect(lines).toHaveLength(6);
    expect(lines).toContain('ConfigError: MDE_QUOTA_SHARE must be a number above 0 and at most 1 (got "2")');
    expect(lines).toContain('ConfigError: MDE_ALLOW_WRITES must be true or false (got "yes")');
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

  test('URLs must be http(s) origins', () => {
    for (const url of ['ftp://x', 'http://x/api', 'not a url', 'http://user@x', 'http://a:b:c'])
      expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: url })).toEqual([
        `ConfigError: MDE_API_BASE_URL must be an http or https origin without path, query or credentials, such as https://api.securitycenter.microsoft.com (got "${url}")`,
      ]);
  });

  test('a complete tenant configuration uses the documented defaults', () => {
    const config = loadConfig(TENANT);
    expect(config.target).toEqual({
      mode: 'tenant',
      apiBaseUrl: 'https://api.securitycenter.microsoft.com',
      authBaseUrl: 'https://login.microsoftonline.com',
      tenantId: TENANT.MDE_TENANT_ID,
      scope: 'https://api.securitycenter.microsoft.com/.default',
      allowWrites: false,
      allowThrottling: false,
      allowHourThrottling: false,
      quotaShare: 0.5,
      credentials: {
        operator: { kind: 'secret', clientId: TENANT.MDE_CLIENT_ID, secretVariable: 'MDE_CLIENT_SECRET' },
        roles: {},
      },
    });
    expect(config).toMatchObject({ requestTimeoutMs: 30_000, testTimeoutMs: 120_000 });
    expect(JSON.stringify(config)).not.toContain(TENANT.MDE_CLIENT_SECRET);
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
    expect(tenant({ ...TENANT, MDE_API_BASE_URL: 'https://eu.api.security.microsoft.com' }).mode).toBe(
      'tenant',
    );
    for (const api of ['http://127.0.0.1:4010', 'http://localhost:4010', 'https://[::1]:4010'])
      expect(tenant({ ...TENANT, MDE_API_BASE_URL: api })).toMatchObject({
        apiBaseUrl: api,
        authBaseUrl: api,
      });
  });

  test('isLoopback is true for localhost, 127/8 and ::1, given a host or a URL', () => {
    for (const host of [
      'localhost',
      'LOCALHOST.',
      '127.0.0.1',
      '127.9.8.7',
      '::1',
      '[::1]',
      'http://[::1]:4010',
    ])
      expect(isLoopback(host), host).toBe(true);
    for (const host of [
      '128.0.0.1',
      'localhost.evil.example',
      '::2',
      'http://127.0.0.1.evil.example',
      'not a url://',
    ])
      expect(isLoopback(host), host).toBe(false);
  });

  test('US Gov GCC High signs in at login.microsoftonline.us and asks for its own audience', () => {
    expect(
      tenant({ ...TENANT, MDE_API_BASE_URL: 'https://api-gov.securitycenter.microsoft.us' }),
    ).toMatchObject({
      authBaseUrl: 'https://login.microsoftonline.us',
      scope: 'https://api-gov.securitycenter.microsoft.us/.default',
    });
  });

  test('tenant ids and client ids must be GUIDs; pairs must be complete', () => {
    expect(problems({ ...TENANT, MDE_TENANT_ID: 'contoso' })[0]).toContain('MDE_TENANT_ID must be a GUID');
    expect(problems({ ...TENANT, MDE_CLIENT_ID: 'app' })[0]).toContain(
      'MDE_CLIENT_ID must be an application (client) id GUID',
    );
    expect(problems({ ...TENANT, MDE_LIMITED_CLIENT_ID: OTHER_ID })[0]).toContain(
      'MDE_LIMITED_CLIENT_SECRET is missing while MDE_LIMITED_CLIENT_ID is set',
    );
    expect(problems({ ...TENANT, MDE_CLIENT_ID: undefined })).toEqual([
      'ConfigError: MDE_CLIENT_ID is missing while MDE_CLIENT_SECRET is set; set it to the id of the app that credential belongs to',
    ]);
  });

  test('switches and timeouts that need another setting say which', () => {
    expect(problems({ ...TENANT, MDE_ALLOW_WRITES: 'true' })[0]).toContain('MDE_MACHINE_ID is not set');
    expect(problems({ ...TENANT, MDE_ALLOW_HOUR_THROTTLING: 'TRUE' })[0]).toContain(
      'MDE_ALLOW_THROTTLING is not',
    );
    expect(tenant({ ...TENANT, MDE_ALLOW_THROTTLING: '1', MDE_ALLOW_HOUR_THROTTLING: 'True' })).toMatchObject(
      {
        allowThrottling: true,
        allowHourThrottling: true,
      },
    );
    expect(problems({ MDE_SCOPE: 'https://x' })[0]).toContain('ending in "/.default"');
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: '2.5' }).requestTimeoutMs).toBe(2_500);
    expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: '30' })).toEqual([
      'ConfigError: MDE_REQUEST_TIMEOUT_SECONDS must be below the test timeout, 30 s with MDE_TARGET=embedded (got "30")',
    ]);
    expect(loadConfig({ ...TENANT, MDE_REQUEST_TIMEOUT_SECONDS: '60' }).requestTimeoutMs).toBe(60_000);
    expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: 'soon' })[0]).toContain(
      'must be a number of seconds above 0',
    );
  });

  test('the embedded target takes HTTPS, faults and a profile file the contract accepts', () => {
    const good = file('profile.json', JSON.stringify({ profileVersion: 1, points: {} }));
    expect(
      loadConfig({
        MDE_EMULATOR_HTTPS: 'true',
        MDE_EMULATOR_PROFILE_FILE: good,
        MDE_EMULATOR_FAULTS: 'a-b, c',
      }).target,
    ).toEqual({ mode: 'embedded', https: true, profileFile: good, faults: ['a-b', 'c'] });
    expect(problems({ MDE_EMULATOR_HTTPS: 'yes' })[0]).toContain('MDE_EMULATOR_HTTPS must be true or false');
    const bad = file('bad.json', '{"profileVersion":1,"points":{"unknown-id":{"reading":{"status":200}}}}');
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: bad })).toEqual([
      expect.stringMatching(
        /^ConfigError: MDE_EMULATOR_PROFILE_FILE is not a valid profile: .*point unknown-id/,
      ),
    ]);
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: file('p.json', '{') })[0]).toContain('is not valid JSON');
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: join(dir, 'none.json') })[0]).toContain('does not exist');
  });

  test('no message ever contains a secret, even when the secret is the bad value', () => {
    const secret = 'Sup3r-Secret-Value-~.123';
    const lines = problems({
      ...TENANT,
      MDE_CLIENT_ID: secret,
      MDE_CLIENT_SECRET: secret,
      MDE_LIMITED_CLIENT_SECRET: secret,
    });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toContain(secret);
  });

  test('.env is read, and the environment wins over it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dotenv-'));
    writeFileSync(
      join(cwd, '.env'),
      'MDE_TARGET=emulator\nMDE_API_BASE_URL=http://from-file:1\nMDE_QUOTA_SHARE=0.25\n',
    );
    const env = readEnv(cwd, { MDE_API_BASE_URL: 'http://from-env:2' });
    expect(env).toMatchObject({
      MDE_TARGET: 'emulator',
      MDE_API_BASE_URL: 'http://from-env:2',
      MDE_QUOTA_SHARE: '0.25',
    });
    expect(loadConfig(env).target).toMatchObject({ mode: 'emulator', apiBaseUrl: 'http://from-env:2' });
  });

  test('.env.example documents every variable of the schema', () => {
    const example = readFileSync('.env.example', 'utf8');
    const names = [...Object.keys(ENV_SCHEMA.properties), 'MDE_ROLE_ISOLATE_CLIENT_CERTIFICATE_PATH'];
    expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(example))).toEqual([]);
  });
});
