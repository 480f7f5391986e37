import { tlsCertificateDatesWarning } from '../../../src/emulator/identity/tls-certificate-dates.ts';
import { createTlsCertificate } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { startedWithCertificate } from '../cli/started-output.ts';

// One's own certificate (--tls-cert) out of its dates started silently, and every client then failed
// its handshake as if the emulator were down: the start now warns, naming the dates.

const DAY = 86_400_000;

test.afterAll(removeTempDirs);

test('a certificate past its end or before its start is one warning with its dates; one in them none', async () => {
  const now = Date.now();
  // createTlsCertificate makes one valid from an hour before `now` for five days.
  const old = await createTlsCertificate({ now: () => now - 10 * DAY });
  expect(tlsCertificateDatesWarning(old.cert, 'old.pem', { now: () => now })).toMatch(
    /^warning: the certificate in old\.pem has expired \(valid from \S+Z to \S+Z\); TLS clients will refuse it$/,
  );
  expect(tlsCertificateDatesWarning(old.cert, 'old.pem', { now: () => now - 30 * DAY })).toMatch(
    /^warning: the certificate in old\.pem is not valid yet/,
  );
  expect(tlsCertificateDatesWarning(old.cert, 'old.pem', { now: () => now - 9 * DAY })).toBeUndefined();
});

test('npm run emulator -- --tls-cert with an expired certificate warns on stderr and still serves', async () => {
  const old = await createTlsCertificate({ now: () => Date.now() - 10 * DAY });
  const run = await startedWithCertificate(old);
  expect(run.stdout).toContain('MDE reference emulator listening on https://127.0.0.1:');
  expect(run.stderr).toContain(`emulator: warning: the certificate in ${run.certFile} has expired`);
});
