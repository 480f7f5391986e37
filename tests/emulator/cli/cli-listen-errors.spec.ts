import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { asRoot, NOBODY, nobodyCanRead } from '../../helpers/nobody.ts';
import { emulatorCli } from './emulator-cli.ts';

// A host that is no address of this machine (a documentation address, a typo'd IP) read "cannot
// listen: listen EADDRNOTAVAIL: address not available 192.0.2.1:4010": Node's words, naming neither
// the setting that chose the host nor what to give instead.

for (const [how, args, settings, named] of [
  ['--host', ['--host', '192.0.2.1', '--port', '0'], {}, '--host'],
  ['MDE_EMULATOR_HOST', ['--port', '0'], { MDE_EMULATOR_HOST: '192.0.2.1' }, 'MDE_EMULATOR_HOST'],
] as const)
  test(`a ${how} that is no address of this machine names the setting and what to give, exit 2`, () => {
    const run = emulatorCli([...args], settings);
    expect(run.stderr.trim().split('\n')).toEqual([
      `emulator: ${named} 192.0.2.1 is no address of this machine (EADDRNOTAVAIL): give one of its own, such as 127.0.0.1 (the default), and keep the emulator on loopback (see --help)`,
    ]);
    expect(run.status).toBe(2);
  });

// A port below the first unprivileged one (1024 unless the system lowers it) without the privilege to
// listen there: Node says only "listen EACCES: permission denied".
test('a privileged port without the privilege to listen there says what to choose instead, exit 2', () => {
  const start = unprivilegedPortStart();
  test.skip(start === undefined || start <= 1, 'this system lets any user listen on any port');
  test.skip(
    asRoot && !nobodyCanRead(join(repoRoot, 'package.json')),
    'run as root from a directory user nobody cannot read: an unprivileged listener needs another user',
  );
  const home = mkdtempSync(join(tmpdir(), 'emulator-eacces-'));
  if (asRoot) chmodSync(home, 0o777);
  // Its home and temp directory (tsx's cache) are the test's, removed after it.
  const run = emulatorCli(
    ['--port', '1'],
    { HOME: home, TMPDIR: home },
    asRoot ? { uid: NOBODY, gid: NOBODY } : {},
  );
  rmSync(home, { recursive: true, force: true });
  expect(run.stderr.trim().split('\n'), run.stdout).toEqual([
    'emulator: port 1 on 127.0.0.1 needs privileges this user lacks (EACCES): choose one from 1024 up with --port <n>, or --port 0 for any free port (see --help)',
  ]);
  expect(run.status).toBe(2);
});

// Linux lets a system lower the line (net.ipv4.ip_unprivileged_port_start); elsewhere it is 1024.
function unprivilegedPortStart(): number | undefined {
  if (process.platform !== 'linux') return process.platform === 'win32' ? undefined : 1024;
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 1024;
  }
}
