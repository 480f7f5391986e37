import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../../src/emulator/cli/args.ts';
import { CliUsageError } from '../../../src/emulator/cli/usage.ts';
import { buildApp, EmulatorOptionsError, type Seed } from '../../../src/emulator/index.ts';
import { CONTRACT_ROLES } from '../../../src/emulator/state/app-input.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { MACHINE, TENANT } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

// A seed is checked whole before anything starts: every problem is one line naming its JSON path,
// and the CLI exits 2, as for any bad flag (docs/emulator.md#running-it).
test.describe('seed errors', () => {
  // In the test's own output directory, which Playwright clears.
  const seedFile = (name: string, content: unknown): string => {
    const path = test.info().outputPath(name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const usageLines = async (argv: string[]): Promise<string[]> => {
    try {
      await parseCli(argv, {});
    } catch (error) {
      expect(error).toBeInstanceOf(CliUsageError);
      return (error as Error).message.split('\n');
    }
    throw new Error(`${argv.join(' ')} was accepted`);
  };

  for (const [content, line] of [
    [{ apps: 5 }, 'apps must be an array (got 5).'],
    [
      [1],
      'the seed must be a JSON object {"apps": [...], "machines": [...], "actions": [...]} (got an array).',
    ],
    [null, 'the seed must be a JSON object'],
    [{ machines: [{ tenantId: TENANT }] }, 'machines[0].id must be a non-empty string (got nothing).'],
    // An id of spaces only (an unset variable in a script's JSON) names nothing either.
    [
      { machines: [{ tenantId: ' ', id: MACHINE }] },
      'machines[0].tenantId must be a non-empty string (got " ").',
    ],
    [{ app: [] }, '"app" is not a member of a seed; its members are apps, machines, actions.'],
    ['{"apps": [', 'not valid JSON'],
  ] as const) {
    test(`--seed ${JSON.stringify(content)} is refused: ${line}`, async () => {
      const path = seedFile('one.json', content);
      expect(await usageLines(['--seed', path])).toEqual([
        expect.stringContaining(`--seed ${path}: ${line}`),
      ]);
    });
  }

  test('every problem is a line of its own, with its JSON path', async () => {
    const app = { tenantId: TENANT, clientId: 'ops', clientSecret: 'pw', roles: ['Machine.Scan'] };
    const path = seedFile('many.json', {
      apps: [app, { ...app, clientId: 'OPS' }, { ...app, clientId: 'other', roles: ['Machine.Bogus'] }],
      machines: {},
      actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Scan', status: 'Pending' }, 7],
    });
    expect(await usageLines(['--seed', path])).toEqual([
      `--seed ${path}: apps[2].roles[0] must be one of the contract's roles: ${CONTRACT_ROLES.join(', ')} (got "Machine.Bogus").`,
      `--seed ${path}: apps[1] repeats clientId "OPS" of tenant ${TENANT} from apps[0]; keep one.`,
      `--seed ${path}: machines must be an array (got an object).`,
      expect.stringContaining(`--seed ${path}: actions[0].type must be one of RunAntiVirusScan,`),
      `--seed ${path}: actions[1] must be a JSON object describing a machine action (got 7).`,
    ]);
  });

  test('a good seed file is read and loads', async () => {
    const path = seedFile('good.json', {
      apps: [{ tenantId: TENANT, clientId: 'ops', clientSecret: 'pw', roles: ['Machine.Read.All'] }],
      machines: [{ tenantId: TENANT, id: MACHINE, computerDnsName: 'pc' }],
      actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Isolate', status: 'Succeeded' }],
    });
    const command = await parseCli(['--seed', path], {});
    if (command.kind !== 'run') throw new Error('expected a run command');
    const app = await buildApp(command.options, await testKeys());
    await app.close();
    // Saved as Windows editors save UTF-8: with a byte-order mark, which is not part of the JSON.
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    expect((await parseCli(['--seed', path], {})).kind).toBe('run');
  });

  test('a bad seed option stops the build with an EmulatorOptionsError naming the path', async () => {
    await expect(buildApp({ seed: { apps: 5 } as unknown as Seed }, await testKeys())).rejects.toThrow(
      new EmulatorOptionsError('seed: apps must be an array (got 5).'),
    );
    await expect(
      buildApp(
        { seed: { actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Nope', status: 'Pending' }] } },
        await testKeys(),
      ),
    ).rejects.toThrow(/seed: actions\[0\]\.type must be one of/);
  });

  test('npm run emulator -- --seed with a badly shaped file prints one line per problem and exits 2', () => {
    const path = seedFile('cli.json', { apps: 5, machines: [1] });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/emulator/cli/main.ts', '--seed', path], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr.trim().split('\n')).toEqual([
      `emulator: --seed ${path}: apps must be an array (got 5).`,
      `emulator: --seed ${path}: machines[0] must be a JSON object describing a machine (got 1). (see --help)`,
    ]);
    expect(run.status).toBe(2);
  });
});
