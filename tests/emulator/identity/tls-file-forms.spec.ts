import { createPrivateKey, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { testKeys } from '../test-keys.ts';
import { clientCertificate } from './test-credentials.ts';

test.afterAll(removeTempDirs);

// `--tls-cert` / `--tls-key` given a DER file (a `.cer` or `.der` from a Windows export or a PKI
// portal): the line quoted OpenSSL ("error:0480006C:PEM routines::no start line"), not what the file
// is and how it becomes a PEM (walk of real identity, round 2).
test('a DER certificate or key for --tls-cert/--tls-key is named as DER, with the conversion', async () => {
  const own = await clientCertificate('localhost');
  const dir = tempDir('mde-https-der-');
  writeFileSync(join(dir, 'own.pem'), own.cert);
  writeFileSync(join(dir, 'own.key'), own.key);
  writeFileSync(join(dir, 'own.cer'), new X509Certificate(own.cert).raw);
  writeFileSync(join(dir, 'own-key.der'), createPrivateKey(own.key).export({ type: 'pkcs1', format: 'der' }));
  for (const [cert, key, line] of [
    [
      'own.cer',
      'own.key',
      /--tls-cert: .*own\.cer is a DER \(binary\) certificate; .*openssl x509 -inform DER/,
    ],
    [
      'own.pem',
      'own-key.der',
      /--tls-key: .*own-key\.der is a DER \(binary\) private key; .*openssl pkey -inform DER/,
    ],
  ] as const)
    await expect(
      startEmulator({ port: 0, tlsCertFile: join(dir, cert), tlsKeyFile: join(dir, key) }, await testKeys()),
    ).rejects.toThrow(line);
});

// An encrypted key (`openssl genpkey -aes256`, a PKI's default export): the line said the files were "not a
// PEM certificate and its private key (Provider routines::bad decrypt)", though both were PEM.
test('an encrypted --tls-key is said to be encrypted, with the command that decrypts it', async () => {
  const own = await clientCertificate('localhost');
  const dir = tempDir('mde-https-enc-');
  writeFileSync(join(dir, 'own.pem'), own.cert);
  const encrypted = createPrivateKey(own.key).export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: 'pass-phrase',
  });
  writeFileSync(join(dir, 'enc.key'), encrypted);
  await expect(
    startEmulator(
      { port: 0, tlsCertFile: join(dir, 'own.pem'), tlsKeyFile: join(dir, 'enc.key') },
      await testKeys(),
    ),
  ).rejects.toThrow(/--tls-key: .*enc\.key holds an encrypted private key.*openssl pkey -in /);
});
