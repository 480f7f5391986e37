import { generate } from 'selfsigned';
import { tlsCertificateHostWarning } from '../../../src/emulator/identity/tls-certificate-host.ts';
import { createTlsCertificate } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { startedWithCertificate } from '../cli/started-output.ts';

test.afterAll(removeTempDirs);

const localhostOnly = () =>
  generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  });

// A walk served its own certificate for localhost (--tls-cert), copied the URL the emulator printed,
// https://127.0.0.1:..., and the suite, curl and every library failed their handshakes: the start
// said nothing. Now one warning naming what the certificate holds and a URL that works.
test('a certificate that does not name the host listened on is one warning with its names and a URL', async () => {
  const pems = await localhostOnly();
  expect(tlsCertificateHostWarning(pems.cert, 'own.pem', 'https://127.0.0.1:4646')).toBe(
    'warning: the certificate in own.pem names localhost, not 127.0.0.1, where the emulator listens; TLS clients of https://127.0.0.1:4646 will refuse it: give them a URL with a name it holds (https://localhost:4646), or serve one that names 127.0.0.1',
  );
  expect(tlsCertificateHostWarning(pems.cert, 'own.pem', 'https://localhost:4646')).toBeUndefined();
  expect(tlsCertificateHostWarning(pems.cert, 'own.pem', 'https://0.0.0.0:4646')).toBeUndefined();
});

test('the generated certificate names every loopback host the emulator prints', async () => {
  const { cert } = await createTlsCertificate();
  for (const url of ['https://127.0.0.1:4010', 'https://localhost:4010', 'https://[::1]:4010'])
    expect(tlsCertificateHostWarning(cert, 'generated.pem', url)).toBeUndefined();
});

test('npm run emulator -- --tls-cert for localhost, listening on 127.0.0.1, warns on stderr and serves', async () => {
  const pems = await localhostOnly();
  const run = await startedWithCertificate({ cert: pems.cert, key: pems.private });
  expect(run.stdout).toContain('MDE reference emulator listening on https://127.0.0.1:');
  expect(run.stderr).toMatch(
    new RegExp(
      `emulator: warning: the certificate in ${run.certFile.replaceAll('.', '\\.')} names localhost, not 127\\.0\\.0\\.1, .* \\(https://localhost:\\d+\\)`,
    ),
  );
});

// A URI (SPIFFE) or e-mail entry names no host a TLS client checks: suggested, it made the URL
// https://spiffe or https://example.org:4646 (the e-mail's user read as the URL's).
test('only the DNS names and IP addresses of a certificate are said and suggested', async () => {
  const pems = await generate([{ name: 'commonName', value: 'api' }], {
    keyType: 'rsa',
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 6, value: 'spiffe://example.org/ns/default/sa/api' },
          { type: 1, value: 'ops@example.org' },
          { type: 2, value: 'api.example' },
        ],
      },
    ],
  });
  expect(tlsCertificateHostWarning(pems.cert, 'own.pem', 'https://127.0.0.1:4646')).toBe(
    'warning: the certificate in own.pem names api.example, not 127.0.0.1, where the emulator listens; TLS clients of https://127.0.0.1:4646 will refuse it: give them a URL with a name it holds (https://api.example:4646), or serve one that names 127.0.0.1',
  );
});
