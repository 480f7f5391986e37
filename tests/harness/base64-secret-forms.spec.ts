import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64Forms } from '../../src/harness/redaction/base64-forms.ts';
import { configuredSecrets } from '../../src/harness/redaction/configured-secrets.ts';
import { redactText, registerSecret } from '../../src/harness/redaction/redact.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';
import { SECRET, scan, workspace } from '../reporters/leak-workspace.ts';

test.afterEach(removeTempDirs);

// A configured client secret written base64-encoded: HTTP Basic credentials (base64 of
// "client_id:client_secret", as a token endpoint that takes client_secret_basic, or a proxy's log,
// has them), or a header a target encodes whole and echoes back. The leak scan looked for the secret
// raw, URL-, form- and JSON-encoded only, and found such a file clean; the reports kept it.
const basic = (prefix: string) =>
  `Authorization: Basic ${Buffer.from(`${prefix}${SECRET}`).toString('base64')}`;
const PLACES: Record<string, string> = {
  offset0: Buffer.from(SECRET).toString('base64url'),
  offset1: `{"debug":"${basic('id:').split(' ').pop()}"}`,
  offset2: basic('0a:'),
  offset3: basic('f00d-id:'),
};

test('a configured secret base64-encoded at any offset is found by the leak scan', () => {
  const { root, env } = workspace();
  for (const [name, text] of Object.entries(PLACES))
    writeFileSync(join(root, 'reports', `${name}.txt`), text);
  const findings = scan({ root, env }).findings;
  expect(findings.map((f) => f.file).sort()).toEqual(Object.keys(PLACES).map((n) => `reports/${n}.txt`));
  expect(new Set(findings.map((f) => f.what))).toEqual(new Set(['the value of MDE_CLIENT_SECRET']));
});

// The reports register every form of the configured secrets and redact with them (src/reporters/scrub.ts).
test('the reports lose a configured secret base64-encoded at any offset', () => {
  for (const { forms } of configuredSecrets('/nonexistent', { MDE_CLIENT_SECRET: SECRET }))
    for (const form of forms) registerSecret(form);
  for (const text of Object.values(PLACES)) {
    const encoded = text.match(/[A-Za-z0-9+/_-]{20,}/)![0];
    expect(redactText(text)).not.toContain(encoded.slice(4, -4));
  }
});

test('a short secret has no base64 form, which any base64 text could hold by chance', () => {
  expect(base64Forms('short-secret')).toEqual([]);
  expect(base64Forms(SECRET).every((form) => form.length >= 16)).toBe(true);
});
