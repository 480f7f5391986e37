import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCertificatePemPath } from '../../../src/emulator/identity/tls-certificate.ts';
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
