import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Env, loadConfig, readEnv, readSecret } from '../../../src/harness/config/load-config.ts';
import { redactText } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { file, NO_SECRET, OTHER_ID, problems, TENANT, tenant } from './config-env.ts';
import { pem } from './self-signed.ts';

test.afterEach(removeTempDirs);

// Which credential signs in and which variables name it; what a certificate file must be:
// config-certificates.spec.ts.
test.describe('tenant sign-in configuration', () => {
  test('each MDE_* sign-in variable falls back to its AZURE_* namesake, in tenant mode only', () => {
    const azure: Env = {
      MDE_TARGET: 'tenant',
      AZURE_TENANT_ID: TENANT.MDE_TENANT_ID,
      AZURE_CLIENT_ID: TENANT.MDE_CLIENT_ID,
      AZURE_CLIENT_SECRET: 'azure-secret-value',
      AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
    };
    expect(tenant(azure)).toMatchObject({
      tenantId: TENANT.MDE_TENANT_ID,
      authBaseUrl: 'https://login.microsoftonline.us',
      credentials: { operator: { kind: 'secret', secretVariable: 'AZURE_CLIENT_SECRET' } },
      // So that a sign-in message names the variable the user set.
      variables: {
        authBaseUrl: 'AZURE_AUTHORITY_HOST',
        tenantId: 'AZURE_TENANT_ID',
        clientId: 'AZURE_CLIENT_ID',
      },
    });
    expect(tenant(TENANT).variables).toBeUndefined();
    expect(tenant({ ...azure, MDE_TENANT_ID: TENANT.MDE_TENANT_ID }).variables).toEqual({
      authBaseUrl: 'AZURE_AUTHORITY_HOST',
      clientId: 'AZURE_CLIENT_ID',
    });
    expect(tenant({ ...azure, MDE_CLIENT_ID: OTHER_ID }).credentials.operator).toMatchObject({
      clientId: OTHER_ID,
    });
    expect(problems({ ...azure, AZURE_CLIENT_ID: 'app' })[0]).toMatch(
      /^ConfigError: AZURE_CLIENT_ID must be/,
    );
    expect(redactText('azure-secret-value')).toBe('[REDACTED]');
    // Each message asking for a variable names the namesake that would do as well.
    expect(problems({ MDE_TARGET: 'tenant' })).toEqual([
      'ConfigError: MDE_TENANT_ID is required when MDE_TARGET=tenant; set it (or AZURE_TENANT_ID) to the Directory (tenant) ID GUID',
      'ConfigError: MDE_CLIENT_ID is required when MDE_TARGET=tenant; set it (or AZURE_CLIENT_ID) to the operator app registration id',
      'ConfigError: MDE_CLIENT_SECRET is required when MDE_TARGET=tenant; set it (or AZURE_CLIENT_SECRET) to a client secret of MDE_CLIENT_ID, or sign in without one: MDE_CLIENT_CERTIFICATE_PATH, MDE_FEDERATED_TOKEN_FILE or MDE_CREDENTIAL=github-oidc',
    ]);
    expect(loadConfig({ AZURE_CLIENT_ID: 'not-a-guid', AZURE_AUTHORITY_HOST: 'x' }).target.mode).toBe(
      'embedded',
    );
  });

  test('the operator credential is MDE_CREDENTIAL, else certificate > federated token file > secret', async () => {
    const cert = file('op.pem', await pem());
    const token = file('token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOngifQ.c2lnbmF0dXJlLXZhbHVl\n');
    const id = TENANT.MDE_CLIENT_ID;
    const all = { ...TENANT, MDE_CLIENT_CERTIFICATE_PATH: cert, MDE_FEDERATED_TOKEN_FILE: token };
    const operator = (env: Env) => tenant(env).credentials.operator;
    expect(operator(all)).toEqual({ kind: 'certificate', clientId: id, certificatePath: cert });
    expect(operator({ ...all, MDE_CLIENT_CERTIFICATE_PATH: '' })).toEqual({
      kind: 'federated',
      clientId: id,
      tokenFile: token,
    });
    expect(operator({ ...all, MDE_CREDENTIAL: 'secret' })).toMatchObject({ kind: 'secret' });
    expect(operator({ ...NO_SECRET, MDE_CREDENTIAL: 'default' })).toEqual({ kind: 'default', clientId: id });
    expect(operator({ ...NO_SECRET, MDE_CLIENT_ID: '', MDE_CREDENTIAL: 'default' })).toEqual({
      kind: 'default',
    });
    expect(problems({ ...NO_SECRET, MDE_CREDENTIAL: 'certificate' })).toEqual([
      'ConfigError: MDE_CLIENT_CERTIFICATE_PATH is required by MDE_CREDENTIAL=certificate; set it (or AZURE_CLIENT_CERTIFICATE_PATH) to a PEM file with the certificate and its private key',
    ]);
    expect(problems({ ...NO_SECRET, MDE_CLIENT_ID: 'app', MDE_CREDENTIAL: 'federated' })).toEqual([
      expect.stringMatching(/^ConfigError: MDE_CLIENT_ID must be an application \(client\) id GUID/),
      'ConfigError: MDE_FEDERATED_TOKEN_FILE is required by MDE_CREDENTIAL=federated; set it (or AZURE_FEDERATED_TOKEN_FILE) to a file holding the federated token',
    ]);
    expect(problems({ ...NO_SECRET, MDE_CREDENTIAL: 'password' })[0]).toContain(
      'MDE_CREDENTIAL must be one of secret, certificate, federated, github-oidc, default',
    );
  });

  test('GitHub OIDC needs the job to be allowed an id token', () => {
    expect(problems({ ...NO_SECRET, MDE_CREDENTIAL: 'github-oidc' })).toEqual([
      'ConfigError: MDE_CREDENTIAL is github-oidc but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set; run in a GitHub Actions job with `permissions: id-token: write`',
    ]);
    const github = {
      ...NO_SECRET,
      MDE_CREDENTIAL: 'github-oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.githubusercontent.com/abc?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'github-request-token-value',
      MDE_LIMITED_CLIENT_ID: OTHER_ID,
    };
    expect(tenant(github).credentials).toEqual({
      operator: { kind: 'github-oidc', clientId: TENANT.MDE_CLIENT_ID },
      limited: { kind: 'github-oidc', clientId: OTHER_ID },
      roles: {},
    });
    expect(redactText('github-request-token-value')).toBe('[REDACTED]');
  });

  test('a federated token file must exist and hold a token, which is then a secret', () => {
    const empty = file('empty-token', '\n');
    expect(problems({ ...NO_SECRET, MDE_FEDERATED_TOKEN_FILE: empty })).toEqual([
      `ConfigError: MDE_FEDERATED_TOKEN_FILE names ${empty}, which is empty; the identity provider writes the token there (Kubernetes workload identity: the projected service account token)`,
    ]);
    const token = file('token-2', 'opaque-federated-token-value\n');
    const spec = tenant({ ...NO_SECRET, AZURE_FEDERATED_TOKEN_FILE: token }).credentials.operator;
    expect(spec).toEqual({ kind: 'federated', clientId: TENANT.MDE_CLIENT_ID, tokenFile: token });
    expect(redactText('opaque-federated-token-value')).toBe('[REDACTED]');
    if (spec.kind === 'federated') expect(readSecret(spec, {})).toBe('opaque-federated-token-value');
  });

  test('the limited and per-role apps sign in with a secret or a certificate', async () => {
    const cert = file('role.pem', await pem());
    const { credentials } = tenant({
      ...TENANT,
      MDE_LIMITED_CLIENT_ID: OTHER_ID,
      MDE_LIMITED_CLIENT_CERTIFICATE_PATH: cert,
      MDE_ROLE_ISOLATE_CLIENT_ID: OTHER_ID,
      MDE_ROLE_ISOLATE_CLIENT_SECRET: 'isolate-secret-value',
    });
    expect(credentials.limited).toEqual({ kind: 'certificate', clientId: OTHER_ID, certificatePath: cert });
    expect(credentials.roles).toEqual({
      'Machine.Isolate': {
        kind: 'secret',
        clientId: OTHER_ID,
        secretVariable: 'MDE_ROLE_ISOLATE_CLIENT_SECRET',
      },
    });
    expect(problems({ ...TENANT, MDE_ROLE_ISLOATE_CLIENT_ID: OTHER_ID })[0]).toContain(
      'MDE_ROLE_ISLOATE_CLIENT_ID names no action role; use one of',
    );
    expect(problems({ ...TENANT, MDE_ROLE_SCAN_CLIENT_SECRET: 'scan-secret-value' })).toEqual([
      'ConfigError: MDE_ROLE_SCAN_CLIENT_ID is missing while MDE_ROLE_SCAN_CLIENT_SECRET is set; set both or neither',
    ]);
  });

  test('readSecret reads the variable a spec names, .env included, when the token is needed', () => {
    const cwd = tempDir('dotenv-');
    writeFileSync(join(cwd, '.env'), 'MDE_CLIENT_SECRET=secret-from-dotenv-file\n');
    const spec = { kind: 'secret', clientId: OTHER_ID, secretVariable: 'MDE_CLIENT_SECRET' } as const;
    expect(readSecret(spec, readEnv(cwd, {}))).toBe('secret-from-dotenv-file');
    expect(redactText('secret-from-dotenv-file')).toBe('[REDACTED]');
    expect(() => readSecret(spec, {})).toThrow('MDE_CLIENT_SECRET is empty at sign-in time');
  });

  // A token file replaced after start by a wrong one, gigabytes long: the line says what it is now,
  // not a Node error code (a refusal by size has none: "(undefined)").
  test('a token file that can no longer be read at sign-in says why', () => {
    const tokenFile = join(tempDir('token-file-'), 'token');
    writeFileSync(tokenFile, '');
    truncateSync(tokenFile, 64 * 1024 * 1024);
    const spec = { kind: 'federated', clientId: OTHER_ID, tokenFile } as const;
    expect(() => readSecret(spec)).toThrow(
      `${tokenFile} cannot be read at sign-in time (it is 64.0 MB, more than such a file ever holds`,
    );
    expect(() => readSecret({ ...spec, tokenFile: join(tokenFile, '..', 'gone') })).toThrow(
      'cannot be read at sign-in time (it does not exist; check the path); it was at start',
    );
  });
});
