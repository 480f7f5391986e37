import { parseCli } from '../../../src/emulator/cli/args.ts';
import { CliUsageError } from '../../../src/emulator/cli/usage.ts';
import { resolveOptions } from '../../../src/emulator/options.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('options', () => {
  test('defaults: loopback, port 4010, default profile, limits and control on', () => {
    const options = resolveOptions();
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 4010,
      faults: [],
      rateLimits: true,
      control: true,
      logger: false,
    });
    expect(options.profile.name).toBe('default');
    expect(options.profile.readings['final-state-cancel']).toEqual({ status: 400, code: 'BadRequest' });
    expect(options.lifecycle).toEqual({ pendingSeconds: 30, inProgressSeconds: 120 });
  });

  for (const [input, message] of [
    [{ port: 70000 }, 'port must be an integer from 0 to 65535'],
    [{ port: 1.5 }, 'port must be an integer'],
    [{ profile: 'x' }, 'Unknown profile "x"'],
    [{ faults: ['cancel-new-id', 'nope'] }, 'faults names unknown fault nope;'],
    [{ rateLimits: 'no' as unknown as boolean }, 'rateLimits must be true or false'],
    [{ lifecycle: { pendingSeconds: -1 } }, 'lifecycle.pendingSeconds must be a number of seconds >= 0'],
    [{ bodyLimit: 0 }, 'bodyLimit must be a positive integer'],
    [{ logLevel: 'loud' as 'info' }, 'logLevel must be one of'],
  ] as const) {
    test(`${JSON.stringify(input)} is refused: ${message}`, () => {
      expect(() => resolveOptions(input)).toThrow(message);
    });
  }

  test('a repeated fault is kept once', () => {
    expect(resolveOptions({ faults: ['cancel-new-id', 'cancel-new-id'] }).faults).toEqual(['cancel-new-id']);
  });
});

test.describe('command line', () => {
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const command = await parseCli(argv, env);
    if (command.kind !== 'run') throw new Error('expected a run command');
    return command.options;
  };

  test('an empty MDE_EMULATOR_* variable counts as unset, as .env.example says', async () => {
    const options = await run([], {
      MDE_EMULATOR_PORT: '',
      MDE_EMULATOR_HOST: ' ',
      MDE_EMULATOR_PROFILE: '',
      MDE_EMULATOR_PROFILE_FILE: '',
      MDE_EMULATOR_FAULTS: '',
    });
    expect(options).toMatchObject({ port: undefined, host: undefined, profile: undefined, faults: [] });
    expect(options.profileFile).toBeUndefined();
  });

  test('flags map onto options; --fault repeats and takes comma lists', async () => {
    expect(
      await run([
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--profile',
        'lenient',
        '--fault',
        'cancel-new-id,final-state-500',
        '--fault',
        'rate-hour-absent',
        '--rate-limits',
        'off',
        '--no-control',
      ]),
    ).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      profile: 'lenient',
      faults: ['cancel-new-id', 'final-state-500', 'rate-hour-absent'],
      rateLimits: false,
      control: false,
    });
  });

  test('environment variables apply when flags are absent; flags win', async () => {
    const env = {
      MDE_EMULATOR_PORT: '5000',
      MDE_EMULATOR_HOST: '::1',
      MDE_EMULATOR_PROFILE: 'strict-odata',
      MDE_EMULATOR_FAULTS: 'cancel-new-id, final-state-500',
    };
    expect(await run([], env)).toMatchObject({
      port: 5000,
      host: '::1',
      profile: 'strict-odata',
      faults: ['cancel-new-id', 'final-state-500'],
    });
    expect((await run(['--port', '6000'], env)).port).toBe(6000);
  });

  for (const [argv, message] of [
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', 'abc'], '--port must be a number'],
    // A negative number is the value of --port, not an option of its own.
    [['--port', '-1'], '--port must be a number from 0 to 65535 (got "-1")'],
    [['--port', '70000'], '--port must be a number from 0 to 65535 (got "70000")'],
    [['--rate-limits', 'maybe'], '--rate-limits takes "on" or "off"'],
    // Named as the user typed it, not as startEmulator()'s logLevel.
    [
      ['--log-level', 'loud'],
      '--log-level takes one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    // What to fix, not Node's error code (ENOENT).
    [
      ['--seed', '/nonexistent.json'],
      '--seed: cannot read /nonexistent.json: it does not exist; check the path.',
    ],
    [['--seed', '/'], '--seed: cannot read /: it is a directory; name the file.'],
    [['extra'], 'Unexpected argument'],
    // Not the whole catalogue in one line of thousands of characters: the likely name, and where the rest is.
    [
      ['--fault', 'final-state-5000'],
      /^--fault names unknown fault final-state-5000 \(did you mean final-state-500\?\); `npm run emulator -- --list-faults` lists all \d+ \(docs\/emulator\.md describes them\)\.$/,
    ],
    [
      ['--fault', 'cancel-new-id,nothing-like-it'],
      /^--fault names unknown fault nothing-like-it; `npm run emulator -- --list-faults`/,
    ],
  ] as const) {
    test(`${argv.join(' ')} is one clear usage error`, async () => {
      await expect(parseCli([...argv], {})).rejects.toThrow(CliUsageError);
      await expect(parseCli([...argv], {})).rejects.toThrow(message);
    });
  }

  // A bad port set in the environment is named by its variable, as MDE_EMULATOR_HTTPS is.
  test('a bad MDE_EMULATOR_PORT names the variable, not --port', async () => {
    await expect(parseCli([], { MDE_EMULATOR_PORT: 'abc' })).rejects.toThrow(
      'MDE_EMULATOR_PORT must be a number from 0 to 65535 (got "abc")',
    );
  });

  test('an unknown fault in MDE_EMULATOR_FAULTS names the variable', async () => {
    await expect(parseCli([], { MDE_EMULATOR_FAULTS: 'final-state-5000' })).rejects.toThrow(
      /^MDE_EMULATOR_FAULTS names unknown fault final-state-5000 \(did you mean final-state-500\?\)/,
    );
  });

  // `--fault "$A,$B"` with both unset started the emulator with no fault, as if it had been asked for
  // none; `--fault ""` was already refused, and the harness refuses MDE_EMULATOR_FAULTS=",".
  test('a fault list of commas only is refused, by the flag or the variable that gave it', async () => {
    await expect(parseCli(['--fault', ','], {})).rejects.toThrow(
      /^--fault names no fault, only commas or spaces \(got ","; an unset variable\?\)/,
    );
    await expect(parseCli(['--fault', 'cancel-new-id', '--fault', ' , '], {})).rejects.toThrow(
      /^--fault names no fault/,
    );
    await expect(parseCli(['--fault', ' '], {})).rejects.toThrow(/^--fault names no fault/);
    await expect(parseCli([], { MDE_EMULATOR_FAULTS: ' , ' })).rejects.toThrow(
      /^MDE_EMULATOR_FAULTS names no fault/,
    );
    expect(await parseCli([], { MDE_EMULATOR_FAULTS: '' })).toMatchObject({ options: { faults: [] } });
  });

  test('--help and --list-faults are commands of their own', async () => {
    expect((await parseCli(['--help'], {})).kind).toBe('help');
    expect((await parseCli(['--list-faults'], {})).kind).toBe('list-faults');
    // --help as an option of its own wins over a mistake beside it, as in the report scripts.
    expect((await parseCli(['--bogus', '-h'], {})).kind).toBe('help');
  });
});
