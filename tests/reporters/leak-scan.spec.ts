import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { scanForLeaks } from '../../src/harness/redaction/leak-scan.ts';
import { redactText } from '../../src/harness/redaction/redact.ts';
import { recordIssuedSecret } from '../../src/harness/redaction/secret-fingerprints.ts';

const SECRET = 'Qx8~planted.Secret_value-123';
const TOKEN = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.${'A1b2C3d4'.repeat(6)}`;
// An opaque (non-JWT) token an emulator might issue: only its fingerprint can find it.
const OPAQUE = 'opaque-token-7f3c9a1e5b2d4f6a8c0e';

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
  const findings = scanForLeaks({ root, env });
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
  const findings = scanForLeaks({ root, env });
  expect(findings).toContainEqual({
    file: 'allure-results/a-attachment.txt',
    what: 'a token issued during the run',
  });
  expect(findings).toContainEqual({ file: 'test-results/log.txt', what: 'a JWT-shaped token' });
});

test('a secret inside a deflated zip entry (a trace) is found and named by entry', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', `client_secret=${SECRET}`));
  expect(scanForLeaks({ root, env })).toEqual([
    { file: 'test-results/trace.zip!trace.network', what: 'the value of MDE_CLIENT_SECRET' },
  ]);
});

test('client ids are findings in reports/ only', () => {
  const { root, env } = workspace();
  const clientId = '11111111-2222-3333-4444-555555555555';
  writeFileSync(join(root, 'reports', 'compliance.json'), `{"app":"${clientId}"}`);
  writeFileSync(join(root, 'test-results', 'request.txt'), `client_id=${clientId}`);
  expect(scanForLeaks({ root, env: { ...env, MDE_CLIENT_ID: clientId } })).toEqual([
    { file: 'reports/compliance.json', what: 'the value of MDE_CLIENT_ID' },
  ]);
});

test('a run whose secrets only went through redaction leaves no trace', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  recordIssuedSecret(SECRET, fingerprints);
  const written = redactText(
    `POST token client_secret=${SECRET} -> {"access_token":"${OPAQUE}"} then Bearer ${TOKEN}`,
  );
  writeFileSync(join(root, 'reports', 'compliance.md'), written);
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', written));
  expect(scanForLeaks({ root, env })).toEqual([]);
});

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
