import { expect, test } from '@playwright/test';
import { buildApp, createSigningKey } from '../../src/emulator/index.ts';
import { Emu } from './emulator-fixture.ts';

// Many emulators per process (the self-test starts one per target per worker): a shared signing key
// makes building one cheap.
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

  test('build twenty in well under a second each', async () => {
    const signingKey = await createSigningKey();
    const started = performance.now();
    const apps = await Promise.all(Array.from({ length: 20 }, () => buildApp({}, { signingKey })));
    const perApp = (performance.now() - started) / apps.length;
    await Promise.all(apps.map((app) => app.close()));
    expect(perApp).toBeLessThan(250);
  });
});
