import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { buildApp, PROFILES, readingsOf } from '../../../src/emulator/index.ts';
import { expect, MACHINE, START_MS, TENANT, test } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

// The session around the registrations: reset, what the emulator says of itself, and control off.
test.describe('control protocol: reset and info', () => {
  test('POST /reset answers 204 and forgets apps, machines, actions and counters, not the clock', async ({
    emu,
  }) => {
    const token = await emu.token();
    await emu.machine();
    await emu.seed('Pending');
    for (let i = 0; i < 100; i++) await emu.call('GET', '/api/machineactions', { token });
    await emu.advance(5);
    expect((await emu.control('POST', '/reset')).statusCode).toBe(204);
    expect((await emu.control('GET', '/clock')).json().now).toBe(new Date(START_MS + 5000).toISOString());
    const renewed = await emu.requestToken(TENANT, {
      client_id: 'app-1',
      client_secret: 's3cret',
      scope: DEFAULT_SCOPE,
    });
    // The tenant itself is gone with its apps: Entra's "tenant not found".
    expect(renewed.statusCode).toBe(400);
    expect(renewed.json().error_codes).toEqual([90002]);
    const fresh = await emu.token();
    expect((await emu.call('GET', '/api/machineactions', { token: fresh })).json().value).toEqual([]);
    expect((await emu.scan(fresh)).statusCode).toBe(404);
    expect((await emu.call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
  });

  test('GET /info names the emulator, its version, profile, readings, faults and switches', async ({
    emu,
  }) => {
    const res = await emu.control('GET', '/info');
    expect(res.json()).toEqual({
      name: 'mde-reference-emulator',
      version: '0.1.0',
      profile: 'default',
      readings: readingsOf(PROFILES['default']!),
      faults: [],
      rateLimits: true,
      control: true,
    });
  });
});

test.describe('control off', () => {
  test('every /_emulator route answers 404 and the seed plays the tenant', async () => {
    const app = await buildApp(
      {
        control: false,
        seed: {
          apps: [
            {
              tenantId: TENANT,
              clientId: 'ops',
              clientSecret: 'pw',
              roles: ['Machine.Scan', 'Machine.Read.All'],
            },
          ],
          machines: [{ tenantId: TENANT, id: MACHINE, computerDnsName: 'pc' }],
          actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'RunAntiVirusScan', status: 'Pending' }],
        },
      },
      { ...(await testKeys()), timeSource: { now: () => START_MS } },
    );
    try {
      for (const [method, url] of [
        ['POST', '/_emulator/reset'],
        ['GET', '/_emulator/clock'],
        ['GET', '/_emulator/info'],
        ['POST', '/_emulator/apps'],
      ] as const) {
        const res = await app.inject({ method, url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code).toBe('NotFound');
      }
      const token = await app.inject({
        method: 'POST',
        url: `/${TENANT}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=client_credentials&client_id=ops&client_secret=pw&scope=${DEFAULT_SCOPE}`,
      });
      const list = await app.inject({
        method: 'GET',
        url: '/api/machineactions',
        headers: { authorization: `Bearer ${token.json().access_token}` },
      });
      expect(list.json().value).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
