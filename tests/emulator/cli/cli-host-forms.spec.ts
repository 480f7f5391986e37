import { parseCli } from '../../../src/emulator/cli/args.ts';
import { CliUsageError } from '../../../src/emulator/cli/usage.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A host written as a URL writes it failed only when the emulator listened, as "no such address or
// name to listen on (ENOTFOUND)": the line did not say that the brackets, the port or the scheme were
// what to take away. Now a usage line before anything starts.
for (const [argv, env, line] of [
  [['--host', '[::1]'], {}, '--host takes an IPv6 address without brackets (got "[::1]"): give ::1.'],
  [
    ['--host', '[::1]:4010'],
    {},
    '--host takes an IPv6 address without brackets (got "[::1]:4010"): give ::1, with the port in --port.',
  ],
  [
    ['--host', 'localhost:4010'],
    {},
    '--host takes the host alone (got "localhost:4010"): give localhost, with the port in --port 4010.',
  ],
  [
    ['--host', 'http://127.0.0.1:4010'],
    {},
    '--host takes a host name or address, not a URL (got "http://127.0.0.1:4010"): e.g. 127.0.0.1, with the port in --port.',
  ],
  [
    [],
    { MDE_EMULATOR_HOST: '[::1]' },
    'MDE_EMULATOR_HOST takes an IPv6 address without brackets (got "[::1]"): give ::1.',
  ],
] as const)
  test(`${argv.join(' ') || JSON.stringify(env)} says what to give instead`, async () => {
    await expect(parseCli([...argv], { ...env })).rejects.toThrow(new CliUsageError(line));
  });

test('bare names and addresses, IPv6 ones too, are taken as they are', async () => {
  for (const host of ['127.0.0.1', '::1', 'localhost', '0.0.0.0', 'fe80::1'])
    expect(await parseCli(['--host', host], {})).toMatchObject({ kind: 'run', options: { host } });
});
