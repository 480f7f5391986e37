import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { connect } from 'node:tls';
import {
  createTlsCertificate,
  EmulatorOptionsError,
  startEmulator,
  type TlsCertificate,
} from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { testKeys } from '../test-keys.ts';
import { clientCertificate } from './test-credentials.ts';

// HTTPS on the emulator's port (docs/emulator.md#https): a certificate made at start (one per process
// here, shared as a real process with many emulators shares it), or one's own.

let shared: TlsCertificate;
let dir: string;

// One group, so the beforeAll (TLS certificate) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  shared = await createTlsCertificate();
  dir = tempDir('mde-https-');
});

test.afterAll(removeTempDirs);

// The certificate the server presents, read from the TLS handshake.
function servedCertificate(url: string, ca: string): Promise<X509Certificate> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), ca, servername: 'localhost' }, () => {
      resolve(new X509Certificate(socket.getPeerX509Certificate()!.raw));
      socket.end();
    });
    socket.on('error', reject);
  });
}

test('the generated certificate covers localhost, 127.0.0.1 and ::1 for a few days, and can be trusted as a CA', async () => {
  const certificate = new X509Certificate(shared.cert);
  expect(certificate.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  expect(certificate.ca).toBe(true);
  const days = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / 86_400_000;
  expect(days).toBeGreaterThan(4);
  expect(days).toBeLessThan(8);
  expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  expect(shared.cert.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
});

test('https: true serves HTTPS on the port, hands back the PEM, writes it to tlsCertOut and answers it', async () => {
  const out = join(dir, 'nested', 'tls-cert.pem');
  const emulator = await startEmulator(
    { port: 0, https: true, tlsCertOut: out },
    { ...(await testKeys()), tlsCertificate: shared },
  );
  try {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.certificatePem).toBe(shared.cert);
    expect(emulator.certificateFile).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(shared.cert);
    expect((await servedCertificate(emulator.url, shared.cert)).fingerprint256).toBe(
      new X509Certificate(shared.cert).fingerprint256,
    );
    const res = await emulator.app.inject({ method: 'GET', url: '/_emulator/tls-certificate' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-pem-file');
    expect(res.body).toBe(shared.cert);
    // Plain HTTP on the same port gets no answer of the API.
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest(emulator.url.replace('https:', 'http:'), (r) =>
        resolve(`status ${r.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      req.end();
    });
    expect(plain).not.toBe('status 200');
  } finally {
    await emulator.close();
  }
});

test('tlsCertFile and tlsKeyFile serve one own certificate; a key of another certificate is refused', async () => {
  const own = await clientCertificate('localhost');
  const other = await clientCertificate('other');
  writeFileSync(join(dir, 'own.pem'), own.cert);
  writeFileSync(join(dir, 'own.key'), own.key);
  writeFileSync(join(dir, 'other.key'), other.key);
  const emulator = await startEmulator(
    { port: 0, tlsCertFile: join(dir, 'own.pem'), tlsKeyFile: join(dir, 'own.key') },
    await testKeys(),
  );
  try {
    expect(emulator.url.startsWith('https://')).toBe(true);
    expect(emulator.certificateFile).toBeUndefined();
    const served = await new Promise<X509Certificate>((resolve, reject) => {
      const { port } = new URL(emulator.url);
      const socket = connect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => {
        resolve(new X509Certificate(socket.getPeerX509Certificate()!.raw));
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(served.fingerprint256).toBe(new X509Certificate(own.cert).fingerprint256);
  } finally {
    await emulator.close();
  }
  await expect(
    startEmulator(
      { port: 0, tlsCertFile: join(dir, 'own.pem'), tlsKeyFile: join(dir, 'other.key') },
      await testKeys(),
    ),
  ).rejects.toThrow(EmulatorOptionsError);
  await expect(
    startEmulator({ port: 0, tlsCertFile: join(dir, 'own.pem') }, await testKeys()),
  ).rejects.toThrow(/go together/);
});

test('a certificate or key file that is missing or a directory is refused saying what to fix', async () => {
  const own = await clientCertificate('localhost');
  writeFileSync(join(dir, 'present.key'), own.key);
  const missing = join(dir, 'absent.pem');
  await expect(
    startEmulator({ port: 0, tlsCertFile: missing, tlsKeyFile: join(dir, 'present.key') }, await testKeys()),
  ).rejects.toThrow(`--tls-cert: cannot read ${missing}: it does not exist; check the path.`);
  await expect(
    startEmulator({ port: 0, tlsCertFile: join(dir, 'present.key'), tlsKeyFile: dir }, await testKeys()),
  ).rejects.toThrow(`--tls-key: cannot read ${dir}: it is a directory; name the file.`);
});

test('an empty certificate or key file, or a key of another type than the certificate, is refused', async () => {
  const own = await clientCertificate('localhost');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  });
  writeFileSync(join(dir, 'own.pem'), own.cert);
  writeFileSync(join(dir, 'own.key'), own.key);
  writeFileSync(join(dir, 'ec.key'), ec);
  writeFileSync(join(dir, 'empty.pem'), '');
  // Each of these once started, said it listened, and failed every TLS handshake.
  for (const [cert, key, line] of [
    ['empty.pem', 'own.key', /empty\.pem and .*own\.key are not a PEM certificate and its private key/],
    ['own.pem', 'empty.pem', /own\.pem and .*empty\.pem are not a PEM certificate and its private key/],
    ['own.pem', 'ec.key', /the key in .*ec\.key is not the private key of the certificate in .*own\.pem/],
  ] as const)
    await expect(
      startEmulator({ port: 0, tlsCertFile: join(dir, cert), tlsKeyFile: join(dir, key) }, await testKeys()),
    ).rejects.toThrow(line);
});

test('without control, /_emulator/tls-certificate answers 404 like every /_emulator path', async () => {
  const emulator = await startEmulator(
    { port: 0, https: true, control: false },
    { ...(await testKeys()), tlsCertificate: shared },
  );
  try {
    expect((await emulator.app.inject({ method: 'GET', url: '/_emulator/tls-certificate' })).statusCode).toBe(
      404,
    );
  } finally {
    await emulator.close();
  }
});
