import { parseCli } from '../../../src/emulator/cli/args.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('command line', () => {
  // docs/interfaces.md#commands: where a value belongs, an option there is that value missing.
  for (const [argv, message] of [
    [['--port', '--help'], '--port needs a value: --port N; --help is an option'],
    [['--seed', '--help'], '--seed needs a value: --seed FILE.json; --help is an option'],
    [['--profile', '--list-faults'], '--profile needs a value: --profile NAME; --list-faults is an option'],
    [['--tls-cert', '--https'], '--tls-cert needs a value: --tls-cert FILE; --https is an option'],
    [['--https', '--rate-limits'], /^--rate-limits needs a value: --rate-limits on\|off$/],
  ] as const) {
    test(`${argv.join(' ')} says which value is missing and what to give`, async () => {
      await expect(parseCli([...argv], {})).rejects.toThrow(message);
    });
  }

  // `--host "$HOST"` with the variable unset: named as typed, never as startEmulator()'s option, and
  // never a start without the fault asked for (`--fault=`).
  for (const [argv, message] of [
    [['--host', ''], '--host needs a value: --host HOST; it was given empty (an unset variable?)'],
    [['--https', '--tls-cert-out='], '--tls-cert-out needs a value: --tls-cert-out FILE; it was given empty'],
    [['--fault='], '--fault needs a value: --fault NAME; it was given empty'],
    [['--profile-file', ''], '--profile-file needs a value: --profile-file FILE; it was given empty'],
  ] as const) {
    test(`${argv.join(' ')} (an empty value) says which value is missing`, async () => {
      await expect(parseCli([...argv], {})).rejects.toThrow(message);
    });
  }
});
