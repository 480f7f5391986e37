import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64Forms } from '../../../src/harness/redaction/base64-forms.ts';
import {
  configuredClientIds,
  configuredSecrets,
  currentConfiguredSecrets,
} from '../../../src/harness/redaction/configured-secrets.ts';
import { redactText } from '../../../src/harness/redaction/redact.ts';
import { redactValue } from '../../../src/harness/redaction/redact-structure.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// What the configuration names as secret is read as the run reads it: the environment over .env, the
// Azure SDK namesakes and every role app included. A finding's `what` names the variable, never the value.

function workdir(dotenv: string): string {
  const dir = tempDir('configured-secrets-');
  writeFileSync(join(dir, '.env'), dotenv);
  return dir;
}

const whats = (dir: string, env = {}) => configuredSecrets(dir, env).map((v) => `${v.kind} ${v.what}`);

test('a secret only in .env is listed, and the environment wins over the file', () => {
  const dir = workdir('MDE_CLIENT_SECRET=from-dotenv-file-1\nMDE_LIMITED_CLIENT_SECRET=limited-from-file\n');
  const secrets = configuredSecrets(dir, { MDE_LIMITED_CLIENT_SECRET: 'limited-from-env' });
  expect(secrets.find((v) => v.what === 'the value of MDE_CLIENT_SECRET')?.forms).toContain(
    'from-dotenv-file-1',
  );
  const limited = secrets.find((v) => v.what === 'the value of MDE_LIMITED_CLIENT_SECRET');
  expect(limited?.forms).toContain('limited-from-env');
  expect(limited?.forms).not.toContain('limited-from-file');
});

test('the AZURE_* namesakes, the role apps and GitHub request token are listed; other variables are not', () => {
  const dir = workdir(
    [
      'AZURE_CLIENT_SECRET=azure-secret-value',
      'AZURE_CLIENT_ID=11111111-2222-4333-8444-555555555555',
      'MDE_ROLE_ISOLATE_CLIENT_SECRET=isolate-secret-value',
      'MDE_ROLE_ISOLATE_CLIENT_ID=66666666-2222-4333-8444-555555555555',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN=github-request-token',
      'MDE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47',
      'AZURE_AUTHORITY_HOST=https://login.microsoftonline.com',
      'SOME_OTHER_SECRET=not-ours-to-judge',
    ].join('\n'),
  );
  expect(whats(dir).sort()).toEqual([
    'client-id the value of AZURE_CLIENT_ID',
    'client-id the value of MDE_ROLE_ISOLATE_CLIENT_ID',
    'secret the value of ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'secret the value of AZURE_CLIENT_SECRET',
    'secret the value of MDE_ROLE_ISOLATE_CLIENT_SECRET',
  ]);
  expect(configuredClientIds(dir, {})).toContain('11111111-2222-4333-8444-555555555555'.toUpperCase());
});

test("the secrets the Azure SDK's default credential chain reads by itself are listed", () => {
  const dir = workdir('AZURE_PASSWORD=user-password-value\n');
  expect(
    whats(dir, {
      AZURE_CLIENT_CERTIFICATE_PASSWORD: 'pfx-password-value',
      IDENTITY_HEADER: 'managed-identity-header',
      MSI_SECRET: 'app-service-msi-secret',
      IDENTITY_ENDPOINT: 'http://127.0.0.1:42356/msi/token',
    }).sort(),
  ).toEqual([
    'secret the value of AZURE_CLIENT_CERTIFICATE_PASSWORD',
    'secret the value of AZURE_PASSWORD',
    'secret the value of IDENTITY_HEADER',
    'secret the value of MSI_SECRET',
  ]);
});

test('the private keys of certificate files and the federated token files are listed, by variable', () => {
  const key = privateKeyPem('redact-configured-secrets');
  const dir = workdir(
    'AZURE_CLIENT_CERTIFICATE_PATH=operator.pem\nMDE_ROLE_SCAN_CLIENT_CERTIFICATE_PATH=missing.pem\nAZURE_FEDERATED_TOKEN_FILE=token\n',
  );
  writeFileSync(
    join(dir, 'operator.pem'),
    `-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n${key}`,
  );
  writeFileSync(join(dir, 'token'), 'opaque-federated-token-value\n');
  const secrets = configuredSecrets(dir, {});
  // A file that cannot be read holds nothing to look for (the configuration check reports it).
  expect(secrets.map((v) => v.what)).toEqual([
    'the private key in the file of AZURE_CLIENT_CERTIFICATE_PATH',
    'the token in the file of AZURE_FEDERATED_TOKEN_FILE',
  ]);
  expect(secrets[0]!.forms).toContain(key.trim());
  // A line of the body also finds the key written unwrapped (one base64 string).
  const bodyLine = secrets[0]!.forms.find((form) => /^[A-Za-z0-9+/]{64}$/.test(form));
  expect(bodyLine).toBeDefined();
  expect(key.replace(/\n/g, '')).toContain(bodyLine!);
  // Raw, and inside base64 text (base64-forms.ts).
  expect(secrets[1]!.forms).toEqual([
    'opaque-federated-token-value',
    ...base64Forms('opaque-federated-token-value'),
  ]);
});

test('a PEM private key is redacted by shape in text and in JSON; a message naming the header is not', () => {
  const key = privateKeyPem('redact-by-shape');
  expect(redactText(`key file:\n${key}end`)).toBe('key file:\n[REDACTED]\nend');
  const value = redactValue({ pem: key, nested: JSON.stringify({ pem: key }), other: 'kept' });
  expect(JSON.stringify(value)).not.toContain('PRIVATE KEY');
  expect(value.other).toBe('kept');
  expect(redactText(`cut short: ${key.slice(0, 300)}`)).toBe('cut short: [REDACTED]');
  const hint =
    'holds a certificate but no private key; add the key (-----BEGIN PRIVATE KEY-----) to the file';
  expect(redactText(hint)).toBe(hint);
});

test('the current configuration is read once per turn of the event loop, and a change is seen on the next', async () => {
  const name = 'MDE_ROLE_TURNCHECK_CLIENT_SECRET';
  const secrets = () => currentConfiguredSecrets().filter((v) => v.what === `the value of ${name}`);
  try {
    expect(secrets()).toEqual([]);
    process.env[name] = 'set-within-the-turn';
    // Same synchronous pass (a reporter scrubbing its records): the reading of this turn stands.
    expect(secrets()).toEqual([]);
    await new Promise((next) => setImmediate(next));
    expect(secrets().map((v) => v.forms[0])).toEqual(['set-within-the-turn']);
  } finally {
    delete process.env[name];
  }
});
