import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startupOnlyWarnings } from '../../../src/harness/config/startup-only-variables.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function dotenv(text: string): string {
  const dir = tempDir('startup-only-');
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

// Set in .env beside the other settings, NODE_EXTRA_CA_CERTS did nothing, and the run's TLS error then
// said to trust the certificate with NODE_EXTRA_CA_CERTS: the one thing the user had done.
test('NODE_EXTRA_CA_CERTS in .env only is one warning saying where to set it', () => {
  const dir = dotenv('MDE_TARGET=emulator\r\nNODE_EXTRA_CA_CERTS=.emulator/tls-cert.pem\r\n');
  expect(startupOnlyWarnings(dir, {})).toEqual([
    'warning: NODE_EXTRA_CA_CERTS is set in .env, which Node does not read: it reads it from the environment when a process starts; set it there (NODE_EXTRA_CA_CERTS=.emulator/tls-cert.pem npm run conformance)',
  ]);
});

// The environment's own value (a CI image's bundle) is the one Node read, not the file's.
test('NODE_EXTRA_CA_CERTS in .env beside another value in the environment is the same warning', () => {
  const dir = dotenv('NODE_EXTRA_CA_CERTS=a.pem\n');
  expect(startupOnlyWarnings(dir, { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' })).toEqual([
    expect.stringMatching(/^warning: NODE_EXTRA_CA_CERTS is set in \.env, which Node does not read/),
  ]);
});

test('NODE_EXTRA_CA_CERTS in the environment as in .env, or no .env, passes quietly', () => {
  const dir = dotenv('NODE_EXTRA_CA_CERTS=a.pem\n');
  expect(startupOnlyWarnings(dir, { NODE_EXTRA_CA_CERTS: 'a.pem' })).toEqual([]);
  expect(startupOnlyWarnings(tempDir('startup-only-none-'), {})).toEqual([]);
});
