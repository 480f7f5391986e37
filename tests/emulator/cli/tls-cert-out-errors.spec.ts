import { expect, test } from '../../helpers/api-test.ts';
import { runRecordingLoads } from '../../helpers/loaded-modules.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { emulatorCli } from './emulator-cli.ts';

test.afterEach(removeTempDirs);

// Node's recursive mkdir loops for ever where the kernel answers ENOENT for a directory it will not
// make (under /proc): `--tls-cert-out /proc/...` hung the emulator's start instead of saying so.
test('--tls-cert-out under /proc is refused at once in one line, exit 2', () => {
  test.skip(process.platform !== 'linux', 'needs /proc');
  const started = performance.now();
  const run = emulatorCli(['--https', '--port', '0', '--tls-cert-out', '/proc/mde-no-such/cert.pem']);
  expect(run.stderr.trim().split('\n'), run.stdout).toEqual([
    'emulator: --tls-cert-out: cannot write /proc/mde-no-such/cert.pem: its directory cannot be made there (ENOENT); name a path in a directory that can be written. (see --help)',
  ]);
  expect(run.status).toBe(2);
  expect(performance.now() - started).toBeLessThan(30_000);
});

// A part of the path that is a file: ENOTDIR, said as such. The path is tried before any key is made:
// the certificate's RSA key (selfsigned) and the signing key were made, and the emulator listened,
// before an unwritable path was found.
test('--tls-cert-out below a file names the path to fix, exit 2, before any key is made', () => {
  const { run, loaded } = runRecordingLoads('src/emulator/cli/main.ts', [
    '--https',
    '--port',
    '0',
    '--tls-cert-out',
    'package.json/cert.pem',
  ]);
  expect(run.stderr.trim().split('\n'), run.stdout).toEqual([
    'emulator: --tls-cert-out: cannot write package.json/cert.pem: a part of its path is a file, not a directory (ENOTDIR); fix the path. (see --help)',
  ]);
  expect(run.status).toBe(2);
  expect(loaded).toContain('src/emulator/identity/tls-certificate.ts');
  expect(loaded).not.toContain('selfsigned');
});

// A directory named where the PEM goes: "move it away or remove it" would have advised removing the
// directory the user named (their home, /tmp); a file is what to name.
test('--tls-cert-out naming a directory says to name a file, exit 2', () => {
  const dir = tempDir('tls-cert-out-dir-');
  const run = emulatorCli(['--https', '--port', '0', '--tls-cert-out', dir]);
  expect(run.stderr.trim().split('\n'), run.stdout).toEqual([
    `emulator: --tls-cert-out: cannot write ${dir}: it is a directory (EISDIR); name a file, or move the directory away. (see --help)`,
  ]);
  expect(run.status).toBe(2);
});
