import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import {
  checkCertificatePemPath,
  createTlsCertificate,
} from '../../../src/emulator/identity/tls-certificate.ts';
import { startEmulator } from '../../../src/emulator/index.ts';
import { EmulatorOptionsError } from '../../../src/emulator/options-error.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// --tls-cert-out is tried before any key is made; trying it leaves no file of its own behind, and
// changes none that is there (a start that fails later has written nothing).
test('trying the certificate path leaves no new file and changes no existing one', () => {
  const dir = tempDir('certificate-pem-path-');
  const fresh = join(dir, 'sub', 'cert.pem');
  checkCertificatePemPath(fresh);
  expect(existsSync(fresh)).toBe(false);
  const kept = join(dir, 'kept.pem');
  writeFileSync(kept, 'an earlier PEM\n');
  checkCertificatePemPath(kept);
  expect(readFileSync(kept, 'utf8')).toBe('an earlier PEM\n');
  expect(() => checkCertificatePemPath(dir)).toThrow(EmulatorOptionsError);
});

// Its folders are made to try it; a start that then fails (the port is in use) removes them again,
// where it left an empty sub/ behind.
test('a start that fails after trying the path leaves no folder of the trial behind', async () => {
  const dir = tempDir('certificate-pem-path-');
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  const { port } = taken.address() as AddressInfo;
  try {
    const start = startEmulator(
      { port, https: true, tlsCertOut: join(dir, 'sub', 'deeper', 'cert.pem') },
      { tlsCertificate: await createTlsCertificate() },
    );
    await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    taken.close();
  }
});
