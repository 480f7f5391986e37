import {
  buildApp,
  createSigningKey,
  makeSharedKeys,
  type SharedKeys,
  startEmulator,
  takeUpSharedKeys,
} from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { Emu } from '../emulator-fixture.ts';

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
