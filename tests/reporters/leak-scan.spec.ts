import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { type LeakScanOptions, scanForLeaks } from '../../src/harness/redaction/leak-scan.ts';
import { redactText } from '../../src/harness/redaction/redact.ts';
import { recordIssuedSecret } from '../../src/harness/redaction/secret-fingerprints.ts';
import { finishRun } from '../../src/reporters/finish-run.ts';

const SECRET = 'Qx8~planted.Secret_value-123';
const TOKEN = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.${'A1b2C3d4'.repeat(6)}`;
// An opaque (non-JWT) token an emulator might issue: only its fingerprint can find it.
const OPAQUE = 'opaque-token-7f3c9a1e5b2d4f6a8c0e';
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

function workspace(): { root: string; fingerprints: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), 'leak-scan-'));
  for (const dir of ['reports', 'test-results', 'allure-results']) mkdirSync(join(root, dir));
  const fingerprints = join(root, 'test-results', '.secrets-fingerprints');
  return {
    root,
    fingerprints,
    env: { MDE_CLIENT_SECRET: SECRET, MDE_SECRETS_FINGERPRINTS_FILE: fingerprints },
  };
}

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
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  recordIssuedSecret(SECRET, fingerprints);
  const written = redactText(
    `POST token client_secret=${SECRET} -> {"access_token":"${OPAQUE}"} then Bearer ${TOKEN}; key ${KEY}`,
  );
  writeFileSync(join(root, 'reports', 'compliance.md'), written);
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', written));
  writeFileSync(
    join(root, 'test-results', 'attachment.json'),
    JSON.stringify(redactText(JSON.stringify({ KEY }))),
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
  const { root, env } = workspace();
  writeFileSync(join(root, 'operator.pem'), KEY);
  writeFileSync(join(root, 'token'), 'opaque-federated-token-3c4d');
  writeFileSync(join(root, 'test-results', 'log.json'), JSON.stringify({ stderr: `loaded\n${KEY}` }));
  // The key as one base64 string (a JWK-less export, a debug print): only the configured value finds it.
  const unwrapped = KEY.split('\n').slice(1, -2).join('');
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

test('a file too large to read is reported as not scanned, never passed over in silence', async () => {
  const { root, env } = workspace();
  // Sparse: 513 MB on paper, nothing on disk.
  writeFileSync(join(root, 'test-results', 'huge.bin'), '');
  truncateSync(join(root, 'test-results', 'huge.bin'), 513 * 1024 * 1024);
  expect(scan({ root, env })).toEqual({ findings: [], skipped: ['test-results/huge.bin'] });
  const lines: string[] = [];
  const exit = await finishRun({ root, cwd: root, env, skipAllure: true, log: (l) => lines.push(l) });
  expect(exit).toBe(0);
  expect(lines[0]).toBe(
    'leak-scan: test-results/huge.bin: not scanned, larger than 512 MB; check it yourself before sharing it',
  );
});

test('the leak scan after a run reads .env as the run does: a finding exits 4 and names no secret', async () => {
  const { root, env } = workspace();
  writeFileSync(join(root, '.env'), `AZURE_CLIENT_SECRET=${SECRET}\n`);
  writeFileSync(join(root, 'reports', 'compliance.md'), `sent ${SECRET}`);
  const lines: string[] = [];
  const exit = await finishRun({ root, cwd: root, env, skipAllure: true, log: (l) => lines.push(l) });
  expect(exit).toBe(4);
  expect(lines[0]).toBe('leak-scan: reports/compliance.md: the value of AZURE_CLIENT_SECRET');
  expect(lines.join('\n')).not.toContain(SECRET);
});

test('npm run leak-scan with a directory that does not exist says so in one line and exits 2', () => {
  const { root } = workspace();
  const leakScan = (...dirs: string[]) =>
    spawnSync(process.execPath, ['--import', TSX, join(repoRoot, 'scripts', 'leak-scan.ts'), ...dirs], {
      cwd: root,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const typo = leakScan('reports', 'reprots');
  expect(typo.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^leak-scan: reprots does not exist; name directories that hold artefacts/),
  ]);
  expect(typo.status).toBe(2);
  const clean = leakScan('reports');
  expect(clean.stdout).toMatch(/^leak-scan: no secret found in reports/);
  expect(clean.status).toBe(0);
});

const TSX = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

// Hermetic: the working directory (where .env is read) is the temporary root, not the repository.
function scan(options: LeakScanOptions & { root: string }) {
  return scanForLeaks({ cwd: options.root, ...options });
}

// A minimal zip with one deflated entry, as Playwright writes traces (CRC left 0: the scanner ignores it).
function zip(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
