import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { OTHER_ID, problems, TENANT, tenant } from './config-env.ts';

test.describe('tenant configuration', () => {
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
      quotaScope: 'operation',
      credentials: {
        operator: { kind: 'secret', clientId: TENANT.MDE_CLIENT_ID, secretVariable: 'MDE_CLIENT_SECRET' },
        roles: {},
      },
    });
    expect(config).toMatchObject({ requestTimeoutMs: 30_000, testTimeoutMs: 120_000 });
    expect(JSON.stringify(config)).not.toContain(TENANT.MDE_CLIENT_SECRET);
  });

  test('a bad id is described by its length, never echoed: it may be a secret pasted into the wrong box', () => {
    const secret = 'Xy18Q~fakeSECRETvalue0123456789abcdEFGHij';
    for (const name of [
      'MDE_CLIENT_ID',
      'MDE_TENANT_ID',
      'MDE_LIMITED_CLIENT_ID',
      'MDE_ROLE_ISOLATE_CLIENT_ID',
    ]) {
      const lines = problems({ ...TENANT, [name]: secret });
      expect(lines.join('\n')).toContain(`${name} must be`);
      expect(lines.join('\n')).toContain(`(got ${secret.length} characters, not shown`);
      expect(lines.join('\n')).not.toContain('fakeSECRET');
    }
    // Values that are no one's secret are still shown, which helps fix them.
    expect(problems({ MDE_TARGET: 'prod' })[0]).toContain('(got "prod")');
  });

  // cmd.exe's `set MDE_TARGET="emulator"`, Docker's --env-file and CI variable forms keep the quotes:
  // "got 10 characters, not shown: it may be a secret" left a user who had typed emulator nothing to fix.
  test('a value in quotes says so, and what to remove; an id in quotes is still not shown', () => {
    const lines = problems({
      ...TENANT,
      MDE_TARGET: '"tenant"',
      MDE_CREDENTIAL: "'secret'",
      MDE_ALLOW_WRITES: '"true"',
      MDE_CLIENT_ID: `"${TENANT.MDE_CLIENT_ID}"`,
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^ConfigError: MDE_TARGET must be one of .*\(got "tenant" in quotes, .*remove them\)$/,
        ),
        expect.stringMatching(
          /^ConfigError: MDE_CREDENTIAL must be one of .*\(got "secret" in quotes, .*remove them\)$/,
        ),
        expect.stringMatching(
          /^ConfigError: MDE_ALLOW_WRITES must be .*\(got "true" in quotes, .*remove them\)$/,
        ),
        expect.stringMatching(
          /^ConfigError: MDE_CLIENT_ID must be .*\(got a value in quotes, not shown; .*remove them\)$/,
        ),
      ]),
    );
    expect(lines.join('\n')).not.toContain(TENANT.MDE_CLIENT_ID!);
  });

  // MDE_CREDENTIAL names how the app signs in, and its name invites the credential itself: a secret of
  // an older format (base64, not Entra's shape, which is redacted anyway) or a password was echoed.
  test('a choice given what may be a secret is described by its length; a word is still shown', () => {
    for (const secret of [
      'd2FsbGV0c2VjcmV0dmFsdWU0Mg+/Zm9vYmFyMTIzNA==',
      'LkSecZ7fQ2xW9pZr4TmN1bV',
      'p@ss w0rd!',
    ]) {
      for (const name of ['MDE_CREDENTIAL', 'MDE_TARGET']) {
        const lines = problems({ ...TENANT, [name]: secret }).join('\n');
        expect(lines).toContain(`${name} must be one of`);
        expect(lines).toContain(`(got ${secret.length} characters, not shown`);
        expect(lines).not.toContain(secret.slice(0, 6));
      }
    }
    for (const word of ['certficate', 'client-secret', 'managed identity', 'Tenant'])
      expect(problems({ ...TENANT, MDE_CREDENTIAL: word })[0]).toContain(`(got "${word}")`);
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

  test('US Gov GCC High signs in at login.microsoftonline.us and asks for its own audience', () => {
    expect(
      tenant({ ...TENANT, MDE_API_BASE_URL: 'https://api-gov.securitycenter.microsoft.us' }),
    ).toMatchObject({
      authBaseUrl: 'https://login.microsoftonline.us',
      scope: 'https://api-gov.securitycenter.microsoft.us/.default',
    });
  });

  test('US Gov GCC signs in at the commercial authority and asks for its own audience', () => {
    expect(
      tenant({ ...TENANT, MDE_API_BASE_URL: 'https://api-gcc.securitycenter.microsoft.us' }),
    ).toMatchObject({
      authBaseUrl: 'https://login.microsoftonline.com',
      scope: 'https://api-gcc.securitycenter.microsoft.us/.default',
    });
  });

  test('tenant ids and client ids must be GUIDs; pairs must be complete', () => {
    expect(problems({ ...TENANT, MDE_TENANT_ID: 'contoso' })[0]).toContain('MDE_TENANT_ID must be a GUID');
    // A domain name, which Entra ID takes in place of the id, is said to be one (and still not shown).
    const domain = problems({ ...TENANT, MDE_TENANT_ID: 'contoso.onmicrosoft.com' })[0];
    expect(domain).toContain('got a domain name');
    expect(domain).not.toContain('contoso');
    expect(problems({ ...TENANT, MDE_CLIENT_ID: 'app' })[0]).toContain(
      'MDE_CLIENT_ID must be an application (client) id GUID',
    );
    expect(problems({ ...TENANT, MDE_LIMITED_CLIENT_ID: OTHER_ID })[0]).toContain(
      'MDE_LIMITED_CLIENT_SECRET is missing while MDE_LIMITED_CLIENT_ID is set',
    );
    expect(problems({ ...TENANT, MDE_CLIENT_ID: undefined })).toEqual([
      'ConfigError: MDE_CLIENT_ID is missing while MDE_CLIENT_SECRET is set; set it (or AZURE_CLIENT_ID) to the id of the app that credential belongs to',
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
    // The API's application id in place of its URI, as Entra ID takes it (WindowsDefenderATP's).
    const byAppId = 'fc780465-2017-40d4-a0c5-307022471b92/.default';
    expect(tenant({ ...TENANT, MDE_SCOPE: byAppId })).toMatchObject({ scope: byAppId });
    expect(problems({ MDE_SCOPE: 'fc780465/.default' })[0]).toContain('ending in "/.default"');
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: '2.5' }).requestTimeoutMs).toBe(2_500);
    expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: '30' })).toEqual([
      'ConfigError: MDE_REQUEST_TIMEOUT_SECONDS must be below the test timeout, 30 s with MDE_TARGET=embedded (got "30")',
    ]);
    expect(loadConfig({ ...TENANT, MDE_REQUEST_TIMEOUT_SECONDS: '60' }).requestTimeoutMs).toBe(60_000);
    expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: 'soon' })[0]).toContain(
      'must be a number of seconds above 0',
    );
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
});
