import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCli } from '../../../src/emulator/cli/args.ts';
import { DEFAULT_LOG_LEVEL, USAGE } from '../../../src/emulator/cli/usage.ts';
import { buildApp } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { Emu } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

// What building an emulator loads, and its defaults (emulators sharing a signing key:
// shared-keys.spec.ts; a seed checked before anything starts: seed-errors.spec.ts).

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

test.describe('--log-level', () => {
  test(`defaults to ${DEFAULT_LOG_LEVEL} in the code, the usage text and docs/emulator.md`, async () => {
    const command = await parseCli([], {});
    expect(command.kind === 'run' && command.options.logLevel).toBe('warn');
    expect(DEFAULT_LOG_LEVEL).toBe('warn');
    expect(USAGE).toMatch(/--log-level LEVEL .*\(default warn\)/);
    const docs = readFileSync(new URL('../../../docs/emulator.md', import.meta.url), 'utf8');
    expect(docs).toMatch(/\| `--log-level LEVEL` \| \| warn /);
  });
});
