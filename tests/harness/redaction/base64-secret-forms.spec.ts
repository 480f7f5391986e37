import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEnvironment } from '../../../src/harness/config/check-environment.ts';
import { ConfigProblems } from '../../../src/harness/config/config-problems.ts';
import { readSecret } from '../../../src/harness/config/credential-spec.ts';
import { base64Forms } from '../../../src/harness/redaction/base64-forms.ts';
import { configuredSecrets } from '../../../src/harness/redaction/configured-secrets.ts';
import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { SECRET, scan, workspace } from '../../reporters/leak-scan/leak-workspace.ts';

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

// The reports register every form of the configured secrets and redact with them (src/reporters/compliance/scrub.ts).
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

// A token endpoint that quotes back, base64-encoded, the body it was sent: the secret in it is
// form-encoded first (every Entra secret's "~" is %7E there), so the base64 of the raw secret is not
// in it. The sign-in error printed it on the terminal and compliance.json and compliance.md kept it;
// the leak scan found nothing.
const FORM_BODY = new URLSearchParams({ grant_type: 'client_credentials', client_secret: SECRET }).toString();
const QUOTED = `AADSTS7000215: Invalid client secret provided. You sent ${Buffer.from(FORM_BODY).toString('base64')}.`;

test('a configured secret form-encoded and then base64-encoded is found by the leak scan', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'reports', 'compliance.md'), QUOTED);
  expect(scan({ root, env }).findings).toEqual([
    { file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' },
  ]);
});

test('a sign-in error loses the secret it was read for, form-encoded and then base64-encoded', () => {
  const spec = { kind: 'secret', clientId: 'c', secretVariable: 'MDE_CLIENT_SECRET' } as const;
  const secret = 'Rs36Q~read/Secret+odd&chars=0123456789';
  readSecret(spec, { MDE_CLIENT_SECRET: secret });
  const body = new URLSearchParams({ client_secret: secret }).toString();
  const encoded = Buffer.from(`grant_type=x&${body}&scope=y`).toString('base64');
  expect(redactText(`You sent ${encoded}.`)).not.toContain(encoded.slice(24, -8));
});

// The script that starts a run registers the configured secrets as it checks the configuration, before
// any sign-in: the preflight's sign-in error printed the quoted body on the terminal, and the run's
// records (test-results/compliance-records.json) kept it, where the leak scan then found it (exit 4).
test('a secret the configuration check registers is lost from a quoted body, form- and base64-encoded', () => {
  // Its own value: one that begins as another test's secret could be redacted by that one's forms.
  const secret = 'Uv27Q~checked/Secret+odd&chars=0123456789';
  checkEnvironment({ MDE_CLIENT_SECRET: secret }, new ConfigProblems());
  const body = new URLSearchParams({ client_secret: secret }).toString();
  const encoded = Buffer.from(`grant_type=x&${body}&scope=y`).toString('base64');
  expect(redactText(`You sent ${encoded}.`)).not.toContain(encoded.slice(24, -8));
});
