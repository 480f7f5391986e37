import { expect, test } from '../helpers/api-test.ts';
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
