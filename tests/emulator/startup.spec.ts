import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../src/emulator/cli-args.ts';
import { CliUsageError, DEFAULT_LOG_LEVEL, USAGE } from '../../src/emulator/cli-usage.ts';
import {
  buildApp,
  createSigningKey,
  EmulatorOptionsError,
  makeSharedKeys,
  type Seed,
  type SharedKeys,
  startEmulator,
  takeUpSharedKeys,
} from '../../src/emulator/index.ts';
import { CONTRACT_ROLES } from '../../src/emulator/state/app-input.ts';
import { expect, test } from '../helpers/api-test.ts';
import { Emu, MACHINE, TENANT } from './emulator-fixture.ts';
import { testKeys } from './test-keys.ts';

// Requests and answers are checked against the contract, so Fastify's schema compilers are never loaded
// (src/emulator/http/no-route-schemas.ts); a route that brings a schema says so instead of half working.
test.describe('Fastify route schemas', () => {
  test("building and serving an emulator loads none of Fastify's schema compilers", async () => {
    const app = await buildApp({}, await testKeys());
    try {
      const token = await new Emu(app).token();
      expect((await new Emu(app).call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const cached = Object.keys(createRequire(import.meta.url).cache);
    // Fastify itself is there (so the cache tells what was loaded), its compilers are not.
    expect(cached.some((file) => /[\\/]fastify[\\/]lib[\\/]schema-controller\.js$/.test(file))).toBe(true);
    expect(
      cached.filter((file) => /@fastify[\\/](ajv-compiler|fast-json-stringify-compiler)[\\/]/.test(file)),
    ).toEqual([]);
  });

  test('a route given a schema is refused when the emulator gets ready', async () => {
    const app = await buildApp({}, await testKeys());
    try {
      app.post('/with-schema', { schema: { body: { type: 'object' } } }, async () => ({}));
      await expect(app.ready()).rejects.toThrow(/take no Fastify schema/);
    } finally {
      await app.close().catch(() => {});
    }
  });
});

// Many emulators per process (the self-test starts one per target per worker): a shared signing key
// makes building one cheap (what it costs: npm run bench:emulator -- --startup).
test.describe('emulators sharing a signing key', () => {
  test('publish the same key and accept each other tokens', async () => {
    const signingKey = await createSigningKey();
    const [one, two] = await Promise.all([buildApp({}, { signingKey }), buildApp({}, { signingKey })]);
    try {
      const kid = async (app: typeof one) =>
        (await app.inject({ method: 'GET', url: '/common/discovery/keys' })).json().keys[0].kid;
      expect(await kid(one)).toBe(await kid(two));
      const token = await new Emu(one).token();
      expect((await new Emu(two).call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  // The embedded emulators of a run start in each Playwright worker from keys made once and carried as
  // JSON (tests/fixtures/embedded-handoff.ts).
  test('publish the same key and accept each other tokens when the keys travel as JSON', async () => {
    const keys = JSON.stringify(await makeSharedKeys({ https: false }));
    // As each worker does: its own copy of the JSON, taken up on its own.
    const fromJson = async () => buildApp({}, await takeUpSharedKeys(JSON.parse(keys) as SharedKeys));
    const [one, two] = await Promise.all([fromJson(), fromJson()]);
    try {
      const kid = async (app: typeof one) =>
        (await app.inject({ method: 'GET', url: '/common/discovery/keys' })).json().keys[0].kid;
      expect(await kid(one)).toBe(JSON.parse(keys).signingKey.kid);
      expect(await kid(two)).toBe(await kid(one));
      const token = await new Emu(one).token();
      expect((await new Emu(two).call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
      // A key made elsewhere does not verify it.
      const stranger = await buildApp({}, await takeUpSharedKeys(await makeSharedKeys({ https: false })));
      try {
        expect((await new Emu(stranger).call('GET', '/api/machineactions', { token })).statusCode).toBe(401);
      } finally {
        await stranger.close();
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  test('carry the certificate HTTPS emulators serve', async () => {
    const keys = await makeSharedKeys({ https: true });
    expect(keys.tlsCertificate?.cert).toContain('BEGIN CERTIFICATE');
    const emulator = await startEmulator({ port: 0, https: true }, await takeUpSharedKeys(keys));
    try {
      expect(emulator.certificatePem).toBe(keys.tlsCertificate?.cert);
    } finally {
      await emulator.close();
    }
  });
});

// A seed is checked whole before anything starts: every problem is one line naming its JSON path,
// and the CLI exits 2, as for any bad flag (docs/emulator.md#running-it).
test.describe('seed errors', () => {
  // In the test's own output directory, which Playwright clears.
  const seedFile = (name: string, content: unknown): string => {
    const path = test.info().outputPath(name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const usageLines = (argv: string[]): string[] => {
    try {
      parseCli(argv, {});
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
    [{ app: [] }, '"app" is not a member of a seed; its members are apps, machines, actions.'],
    ['{"apps": [', 'not valid JSON'],
  ] as const) {
    test(`--seed ${JSON.stringify(content)} is refused: ${line}`, () => {
      const path = seedFile('one.json', content);
      expect(usageLines(['--seed', path])).toEqual([expect.stringContaining(`--seed ${path}: ${line}`)]);
    });
  }

  test('every problem is a line of its own, with its JSON path', () => {
    const app = { tenantId: TENANT, clientId: 'ops', clientSecret: 'pw', roles: ['Machine.Scan'] };
    const path = seedFile('many.json', {
      apps: [app, { ...app, clientId: 'OPS' }, { ...app, clientId: 'other', roles: ['Machine.Bogus'] }],
      machines: {},
      actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Scan', status: 'Pending' }, 7],
    });
    expect(usageLines(['--seed', path])).toEqual([
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
    const command = parseCli(['--seed', path], {});
    if (command.kind !== 'run') throw new Error('expected a run command');
    const app = await buildApp(command.options);
    await app.close();
    // Saved as Windows editors save UTF-8: with a byte-order mark, which is not part of the JSON.
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    expect(parseCli(['--seed', path], {}).kind).toBe('run');
  });

  test('a bad seed option stops the build with an EmulatorOptionsError naming the path', async () => {
    await expect(buildApp({ seed: { apps: 5 } as unknown as Seed })).rejects.toThrow(
      new EmulatorOptionsError('seed: apps must be an array (got 5).'),
    );
    await expect(
      buildApp({
        seed: { actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Nope', status: 'Pending' }] },
      }),
    ).rejects.toThrow(/seed: actions\[0\]\.type must be one of/);
  });

  test('npm run emulator -- --seed with a badly shaped file prints one line per problem and exits 2', () => {
    const path = seedFile('cli.json', { apps: 5, machines: [1] });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', '--seed', path], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
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

test.describe('--log-level', () => {
  test(`defaults to ${DEFAULT_LOG_LEVEL} in the code, the usage text and docs/emulator.md`, () => {
    const command = parseCli([], {});
    expect(command.kind === 'run' && command.options.logLevel).toBe('warn');
    expect(DEFAULT_LOG_LEVEL).toBe('warn');
    expect(USAGE).toMatch(/--log-level LEVEL .*\(default warn\)/);
    const docs = readFileSync(new URL('../../docs/emulator.md', import.meta.url), 'utf8');
    expect(docs).toMatch(/\| `--log-level LEVEL` \| \| warn /);
  });
});
