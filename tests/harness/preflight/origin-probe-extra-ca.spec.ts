import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../../../src/harness/errors.ts';
import { probeOrigin } from '../../../src/harness/preflight/origin-probe.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { httpsStandIn } from '../stand-ins/https-stand-in.ts';

// NODE_EXTRA_CA_CERTS already set (a CI image's bundle, or a copy of an emulator's certificate from
// before its restart: it makes a new one at each start) and the served certificate untrusted: the line
// said only "trust the certificate with NODE_EXTRA_CA_CERTS", which the user had done.

test.afterEach(removeTempDirs);

async function said(extraCa: string, env: Record<string, string> = {}): Promise<string> {
  const target = await httpsStandIn(() => ({ status: 404, body: '{}' }));
  try {
    await probeOrigin(`${target.url}/api/machineactions/x`, 3_000, false, extraCa, env);
    return 'passed';
  } catch (error) {
    return describeError(error);
  } finally {
    await target.close();
  }
}

test('a NODE_EXTRA_CA_CERTS that is set is named as the file without the certificate served', async () => {
  const file = join(tempDir('extra-ca-'), 'emulator-before-restart.pem');
  writeFileSync(file, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  const line = await said(file);
  expect(line).toContain(
    `NODE_EXTRA_CA_CERTS names ${file}, which does not hold the certificate this target serves`,
  );
  expect(line).toContain('a new one at each start');
  expect(line).not.toContain('that the target is running');
});

test('with NODE_EXTRA_CA_CERTS unset the line says to set it', async () => {
  // '' as Node reads an empty variable: no extra file.
  const line = await said('');
  expect(line).toContain('trust the certificate with NODE_EXTRA_CA_CERTS');
  expect(line).not.toContain('does not hold the certificate');
});

// A path that names no file (a typo, a relative path from another folder): Node only warned "Ignoring
// extra certs from ..." and the line said the file did not hold the certificate, as if it had been read.
test('a NODE_EXTRA_CA_CERTS that names no file is said to name none', async () => {
  const missing = join(tempDir('extra-ca-'), 'tls-cert.pem');
  const line = await said(missing);
  expect(line).toContain(
    `NODE_EXTRA_CA_CERTS names ${missing}, which does not exist, so Node trusted nothing more: name the certificate file the emulator printed, by its absolute path. `,
  );
  expect(line).not.toContain('does not hold the certificate');
});

// The certificate saved as DER (a browser's or Windows' export, `openssl x509 -outform DER`): Node reads
// only PEM from NODE_EXTRA_CA_CERTS and trusted nothing more, and the line said the file did not hold
// the certificate served, sending the user to copy the same certificate again (walk of real identity, round 2).
test('a NODE_EXTRA_CA_CERTS file in DER is said to be DER, with the conversion to PEM', async () => {
  const target = await httpsStandIn(() => ({ status: 404, body: '{}' }));
  const der = join(tempDir('extra-ca-'), 'tls-cert.der');
  writeFileSync(der, new X509Certificate(readFileSync(target.caFile)).raw);
  await target.close();
  const line = await said(der);
  expect(line).toContain(`NODE_EXTRA_CA_CERTS names ${der}, which is a DER (binary) certificate`);
  expect(line).toContain('-inform DER');
  expect(line).not.toContain('does not hold the certificate');
});

// A walk named the emulator's folder (.emulator, where tls-cert.pem lies) and then its private key:
// Node loaded nothing from either, and the line said the file did not hold the certificate served and to
// copy its PEM again, which changes nothing. Each is said to hold none, with the file to name.
test('a NODE_EXTRA_CA_CERTS folder, empty file or key is said to hold no certificate', async () => {
  const dir = tempDir('extra-ca-');
  const key = join(dir, 'key.pem');
  writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nMC4CAQA=\n-----END PRIVATE KEY-----\n');
  const empty = join(dir, 'empty.pem');
  writeFileSync(empty, '');
  for (const [file, what] of [
    [dir, 'is a folder, not a file'],
    [empty, 'is empty'],
    [key, 'holds no certificate (no -----BEGIN CERTIFICATE----- line)'],
  ] as const) {
    const line = await said(file);
    expect(line).toContain(`NODE_EXTRA_CA_CERTS names ${file}, which ${what}, so Node trusted nothing more`);
    expect(line).not.toContain('does not hold the certificate');
    expect(line).not.toContain('MC4CAQA');
  }
});

// A walk trusted the emulator's certificate with SSL_CERT_FILE (OpenSSL's, set on many CI images) and
// REQUESTS_CA_BUNDLE (as for MSAL for Python): the line said only to trust it with NODE_EXTRA_CA_CERTS.
test("another tool's bundle variable is named as one Node does not read", async () => {
  const line = await said('', { SSL_CERT_FILE: '/etc/ssl/emulator.pem', REQUESTS_CA_BUNDLE: '/x.pem' });
  expect(line).toContain(
    'SSL_CERT_FILE and REQUESTS_CA_BUNDLE are set, which Node does not read: name the file in NODE_EXTRA_CA_CERTS. ',
  );
  expect(await said('')).not.toContain('which Node does not read');
});

// The docs' tenant rehearsal starts the emulator with --no-control, where every /_emulator/* path is 404:
// a walk that followed the line's "GET /_emulator/tls-certificate answers it" there got NotFound.
test('the line says the certificate route is not served under --no-control', async () => {
  expect(await said('')).toContain(
    'GET /_emulator/tls-certificate answers it (unless started with --no-control, as a rehearsal of a tenant run is)',
  );
});
