import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText } from '../../src/harness/redaction/redact.ts';
import {
  fingerprint,
  recordIssuedSecret,
  startFingerprints,
} from '../../src/harness/redaction/secret-fingerprints.ts';
import { startAllureGenerator } from '../../src/reporters/allure-generate.ts';
import { expect, test } from '../helpers/api-test.ts';
import { privateKeyPem } from '../helpers/private-key-pem.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';
import { inlineWorkspace, runInline } from './helpers/run-inline.ts';
import { OPAQUE, SECRET, scan, TOKEN, workspace, zip } from './leak-workspace.ts';

test.afterEach(removeTempDirs);

test('a planted client secret in a report file is found, and the finding names the file, not the secret', () => {
  const { root, env } = workspace();
  writeFileSync(
    join(root, 'reports', 'compliance.md'),
    `reason: sent client_secret ${encodeURIComponent(SECRET)}`,
  );
  const { findings } = scan({ root, env });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
  expect(JSON.stringify(findings)).not.toContain(SECRET);
});

test('a client secret written only URL-encoded, as in a form body, is found', () => {
  const { root, env } = workspace();
  const secret = 'form+encoded/secret=value~9';
  writeFileSync(join(root, 'reports', 'compliance.md'), `body: client_secret=${encodeURIComponent(secret)}`);
  const { findings } = scan({ root, env: { ...env, MDE_CLIENT_SECRET: secret } });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
});

// The token request's body is URLSearchParams's: "~" there is %7E, where encodeURIComponent leaves it,
// and a token endpoint that quotes the body back writes that form into the sign-in error.
test('a client secret written as a form body writes it (~ as %7E) is found', () => {
  const { root, env } = workspace();
  const secret = 'plainLetters~andDigits42';
  const body = new URLSearchParams({ client_secret: secret }).toString().slice('client_secret='.length);
  expect(body).toBe('plainLetters%7EandDigits42');
  writeFileSync(join(root, 'reports', 'compliance.md'), `Invalid client secret provided (${body}).`);
  const { findings } = scan({ root, env: { ...env, MDE_CLIENT_SECRET: secret } });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
});

test('an Entra client secret whose "~" is form-encoded is found by shape', () => {
  const { root, env } = workspace();
  writeFileSync(
    join(root, 'reports', 'notes.md'),
    'quoted back: Xy18Q%7Eabcdefghijklmnopqrstuvwxyz0123456_.',
  );
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({ file: 'reports/notes.md', what: 'an Entra client secret' });
});

test('tokens issued during the run are found by fingerprint, JWT or not, and the fingerprint file holds no token', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  expect(readFileSync(fingerprints, 'utf8')).not.toContain(OPAQUE);
  writeFileSync(join(root, 'allure-results', 'a-attachment.txt'), `{"access_token":"${OPAQUE}"}`);
  writeFileSync(join(root, 'test-results', 'log.txt'), `Authorization: Bearer ${TOKEN}`);
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({
    file: 'allure-results/a-attachment.txt',
    what: 'a token issued during the run',
  });
  expect(findings).toContainEqual({ file: 'test-results/log.txt', what: 'a JWT-shaped token' });
});

test('a value shaped like an Entra client secret is found even where no variable configured it', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'reports', 'notes.md'), 'pasted: Xy18Q~abcdefghijklmnopqrstuvwxyz0123456_ here');
  writeFileSync(join(root, 'reports', 'ids.md'), 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee and 8Q~short');
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({ file: 'reports/notes.md', what: 'an Entra client secret' });
  expect(findings.filter((f) => f.file === 'reports/ids.md')).toEqual([]);
});

test('an issued token is found by fingerprint where it ends a file, in a query or after a JWT dot', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  const signature = TOKEN.split('.')[2]!;
  writeFileSync(join(root, 'reports', 'end.txt'), `last words ${OPAQUE}`);
  writeFileSync(join(root, 'reports', 'query.txt'), `?code=${OPAQUE}&x=1`);
  // A signature glued to other text by a dot is no JWT shape: only its fingerprint finds it.
  writeFileSync(join(root, 'reports', 'dotted.txt'), `abc.${signature}`);
  writeFileSync(join(root, 'reports', 'clean.txt'), `${OPAQUE.slice(0, -1)} and ${signature.slice(1)}`);
  const files = scan({ root, env }).findings.map((f) => f.file);
  expect(files.sort()).toEqual(['reports/dotted.txt', 'reports/end.txt', 'reports/query.txt']);
});

test('a scan with hundreds of thousands of fingerprints still runs and finds its token', () => {
  const { root, env } = workspace();
  const { sha256: hash, length } = fingerprint(OPAQUE);
  const many = Array.from({ length: 300_000 }, (_, i) => ({
    sha256: i.toString(16).padStart(64, '0'),
    length,
  }));
  writeFileSync(join(root, 'reports', 'found.txt'), `token ${OPAQUE}`);
  const { findings } = scan({ root, env, fingerprints: [...many, { sha256: hash, length }] });
  expect(findings).toEqual([{ file: 'reports/found.txt', what: 'a token issued during the run' }]);
});

test("a new run starts its fingerprint file afresh: an earlier run's tokens are not hashed for again", () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  writeFileSync(join(root, 'reports', 'old.txt'), OPAQUE);
  expect(scan({ root, env }).findings).toHaveLength(1);
  startFingerprints(fingerprints);
  recordIssuedSecret(TOKEN, fingerprints);
  expect(readFileSync(fingerprints, 'utf8').trim().split('\n')).toHaveLength(1);
  expect(scan({ root, env }).findings).toEqual([]);
});

test('a fingerprint is recorded even where its directory does not exist yet', () => {
  const { root } = workspace();
  const fingerprints = join(root, 'not-yet', 'fingerprints');
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  expect(readFileSync(fingerprints, 'utf8').trim().split('\n')).toHaveLength(2);
});

test('symbolic links are followed once each: loops end, and a linked file outside is scanned', () => {
  const { root, env } = workspace();
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'copied.log'), `client_secret=${SECRET}`);
  // Two links to their own directory: walked naively, 2^40 paths before the kernel's link limit.
  symlinkSync('.', join(root, 'reports', 'x'));
  symlinkSync('.', join(root, 'reports', 'y'));
  symlinkSync(join(outside, 'copied.log'), join(root, 'reports', 'linked.log'));
  const { findings } = scan({ root, env });
  expect(findings).toEqual([{ file: 'reports/linked.log', what: 'the value of MDE_CLIENT_SECRET' }]);
});

test('a secret inside a deflated zip entry (a trace) is found and named by entry', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', `client_secret=${SECRET}`));
  expect(scan({ root, env }).findings).toEqual([
    { file: 'test-results/trace.zip!trace.network', what: 'the value of MDE_CLIENT_SECRET' },
  ]);
});

test('client ids are findings in reports/ only', () => {
  const { root, env } = workspace();
  const clientId = '11111111-2222-3333-4444-555555555555';
  writeFileSync(join(root, 'reports', 'compliance.json'), `{"app":"${clientId}"}`);
  writeFileSync(join(root, 'test-results', 'request.txt'), `client_id=${clientId}`);
  expect(scan({ root, env: { ...env, MDE_CLIENT_ID: clientId } }).findings).toEqual([
    { file: 'reports/compliance.json', what: 'the value of MDE_CLIENT_ID' },
  ]);
});

test('a run whose secrets only went through redaction leaves no trace', () => {
  const key = privateKeyPem('leak-scan-redacted');
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  recordIssuedSecret(SECRET, fingerprints);
  const written = redactText(
    `POST token client_secret=${SECRET} -> {"access_token":"${OPAQUE}"} then Bearer ${TOKEN}; key ${key}`,
  );
  writeFileSync(join(root, 'reports', 'compliance.md'), written);
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', written));
  writeFileSync(
    join(root, 'test-results', 'attachment.json'),
    JSON.stringify(redactText(JSON.stringify({ key }))),
  );
  expect(scan({ root, env })).toEqual({ findings: [], skipped: [] });
});

test('a secret set only in the .env file of the working directory is found', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, '.env'), 'MDE_LIMITED_CLIENT_SECRET=only-in-dotenv-9f8e7d\n');
  writeFileSync(join(root, 'allure-results', 'x-attachment.txt'), 'client_secret: only-in-dotenv-9f8e7d');
  expect(scan({ root, env }).findings).toEqual([
    { file: 'allure-results/x-attachment.txt', what: 'the value of MDE_LIMITED_CLIENT_SECRET' },
  ]);
});

test('the Azure SDK namesakes and the role apps are looked for too', () => {
  const { root, env } = workspace();
  const roleId = '66666666-2222-4333-8444-555555555555';
  writeFileSync(join(root, 'test-results', 'a.txt'), 'az: azure-fallback-secret; role: role-secret-value');
  writeFileSync(join(root, 'reports', 'compliance.md'), `app ${roleId.toUpperCase()}`);
  const found = scan({
    root,
    env: {
      ...env,
      AZURE_CLIENT_SECRET: 'azure-fallback-secret',
      MDE_ROLE_ISOLATE_CLIENT_SECRET: 'role-secret-value',
      MDE_ROLE_ISOLATE_CLIENT_ID: roleId,
    },
  }).findings;
  expect(found).toEqual([
    { file: 'reports/compliance.md', what: 'the value of MDE_ROLE_ISOLATE_CLIENT_ID' },
    { file: 'test-results/a.txt', what: 'the value of AZURE_CLIENT_SECRET' },
    { file: 'test-results/a.txt', what: 'the value of MDE_ROLE_ISOLATE_CLIENT_SECRET' },
  ]);
});

test('a PEM private key is found by shape, and the configured one even without its header', () => {
  const key = privateKeyPem('leak-scan-found');
  const { root, env } = workspace();
  writeFileSync(join(root, 'operator.pem'), key);
  writeFileSync(join(root, 'token'), 'opaque-federated-token-3c4d');
  writeFileSync(join(root, 'test-results', 'log.json'), JSON.stringify({ stderr: `loaded\n${key}` }));
  // The key as one base64 string (a JWK-less export, a debug print): only the configured value finds it.
  const unwrapped = key.split('\n').slice(1, -2).join('');
  writeFileSync(
    join(root, 'allure-results', 'der.txt'),
    `der=${unwrapped} assertion=opaque-federated-token-3c4d`,
  );
  const found = scan({
    root,
    env: { ...env, MDE_CLIENT_CERTIFICATE_PATH: 'operator.pem', AZURE_FEDERATED_TOKEN_FILE: 'token' },
  }).findings;
  expect(found).toEqual([
    { file: 'test-results/log.json', what: 'the private key in the file of MDE_CLIENT_CERTIFICATE_PATH' },
    { file: 'test-results/log.json', what: 'a PEM private key' },
    { file: 'allure-results/der.txt', what: 'the private key in the file of MDE_CLIENT_CERTIFICATE_PATH' },
    { file: 'allure-results/der.txt', what: 'the token in the file of AZURE_FEDERATED_TOKEN_FILE' },
  ]);
});

// The single-file Allure report (--single-file, the portable index.html meant for sharing) embeds every
// attachment base64-encoded, as d("<path>","<base64>"): a scan of it alone found nothing there.
test("secrets in an attachment of Allure's single-file report are found, named by the embedded file", () => {
  const { root, env } = workspace();
  mkdirSync(join(root, 'allure-report'));
  const attachment = JSON.stringify({ headers: { authorization: `Bearer ${TOKEN}` }, secret: SECRET });
  const embed = (path: string, data: string) => `d("${path}","${Buffer.from(data).toString('base64')}")`;
  writeFileSync(
    join(root, 'allure-report', 'index.html'),
    `<script>${embed('widgets/nav.json', '[]')},${embed('data/attachments/ab12.json', attachment)}</script>`,
  );
  const { findings } = scan({ root, env, dirs: ['allure-report'] });
  expect(findings).toEqual([
    { file: 'allure-report/index.html!data/attachments/ab12.json', what: 'the value of MDE_CLIENT_SECRET' },
    { file: 'allure-report/index.html!data/attachments/ab12.json', what: 'a JWT-shaped token' },
  ]);
});

// The same through Allure itself, so that a change of its embedding is seen here, not in a shared report.
test('a token in an attachment is found in the single-file report Allure generates', async () => {
  const { root, env } = workspace();
  const results = join(root, 'allure-results');
  const uuid = '0b8f3c52-4a7e-4f0e-9a57-1f2d3c4b5a69';
  writeFileSync(join(results, 'att-1.json'), JSON.stringify({ authorization: `Bearer ${TOKEN}` }));
  writeFileSync(
    join(results, `${uuid}-result.json`),
    JSON.stringify({
      ...{ uuid, historyId: 'h', name: 't', fullName: 't', status: 'passed', stage: 'finished' },
      ...{ start: 1, stop: 2, labels: [], steps: [] },
      attachments: [{ name: 'exchange', source: 'att-1.json', type: 'application/json' }],
    }),
  );
  const generated = await startAllureGenerator({ singleFile: true, cwd: root }).generate();
  expect(generated.generated).toBe(true);
  const { findings } = scan({ root, env, dirs: ['allure-report'] });
  expect(findings).toContainEqual({
    file: expect.stringMatching(/^allure-report\/index\.html!data\/attachments\//),
    what: 'a JWT-shaped token',
  });
});

// Playwright's HTML report (playwright-report/, `--reporter=html`) keeps its data, attachments and
// output included, as a base64 zip inside index.html: a token there went unseen.
test("a token in Playwright's HTML report is found inside its embedded data", async () => {
  const dir = inlineWorkspace({
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', reporter: [['html', { open: 'never', outputFolder: 'playwright-report' }]] });`,
    'a.spec.ts': `import { test } from '@playwright/test';
test('an exchange', async ({}, info) => {
  await info.attach('exchange', { body: ${JSON.stringify(`Bearer ${TOKEN}`)}, contentType: 'text/plain' });
});`,
  });
  expect((await runInline(dir)).exitCode).toBe(0);
  const { findings } = scan({ root: dir, env: {}, dirs: ['playwright-report'] });
  expect(findings).toContainEqual({
    file: expect.stringMatching(/^playwright-report\/index\.html!report data \(zip\)!/),
    what: 'a JWT-shaped token',
  });
});
