import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configuredSecrets } from '../../../src/harness/redaction/configured-secrets.ts';
import { scrub, scrubValue } from '../../../src/reporters/compliance/scrub.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The reports' redaction reads the configuration as the run does (environment over .env), the
// AZURE_* namesakes and the role apps included, so a secret kept in .env never reaches compliance.json.
const CLIENT_ID = '11111111-2222-4333-8444-555555555555';

function configuredIn(dotenv: string, files: Record<string, string> = {}) {
  const dir = tempDir('scrub-');
  writeFileSync(join(dir, '.env'), dotenv);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return configuredSecrets(dir, {});
}

test('a secret and a client id set only in .env are scrubbed from report text', () => {
  // '+' and '/' make the URL-encoded form differ from the raw one: each is scrubbed on its own.
  const values = configuredIn(`MDE_CLIENT_SECRET=dotenv+only/secret~1\nAZURE_CLIENT_ID=${CLIENT_ID}\n`);
  const text = `sent dotenv+only/secret~1 (${encodeURIComponent('dotenv+only/secret~1')}) as app ${CLIENT_ID.toUpperCase()}`;
  expect(scrub(text, values)).toBe('sent [REDACTED] ([REDACTED]) as app [CLIENT-ID]');
});

test('role secrets, the AZURE_CLIENT_SECRET namesake and a certificate file key are scrubbed from a report value', () => {
  const key = privateKeyPem('scrub');
  const values = configuredIn(
    'AZURE_CLIENT_SECRET=azure-namesake-secret\nMDE_ROLE_OFFBOARD_CLIENT_SECRET=role-app-secret\nMDE_CLIENT_CERTIFICATE_PATH=app.pem\n',
    { 'app.pem': key },
  );
  const unwrapped = key.split('\n').slice(1, -2).join('');
  const report = { reason: 'azure-namesake-secret, role-app-secret', evidence: [key, `der ${unwrapped}`] };
  const clean = JSON.stringify(scrubValue(report, values));
  for (const leak of ['azure-namesake-secret', 'role-app-secret', 'PRIVATE KEY', unwrapped.slice(600, 664)])
    expect(clean).not.toContain(leak);
});
