import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import { buildApp, PROFILES, readingsOf } from '../../src/emulator/index.ts';
import { errorCode, expect, MACHINE, START_MS, TENANT, test } from './emulator-fixture.ts';

test.describe('control protocol', () => {
  test('GET /clock answers the virtual now in RFC 3339', async ({ emu }) => {
    const res = await emu.control('GET', '/clock');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: new Date(START_MS).toISOString() });
  });

  test('POST /clock/advance moves the clock forward and answers the new now', async ({ emu }) => {
    const res = await emu.control('POST', '/clock/advance', { seconds: 90.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: new Date(START_MS + 90_500).toISOString() });
    expect((await emu.control('GET', '/clock')).json().now).toBe(new Date(START_MS + 90_500).toISOString());
  });

  for (const body of [{ seconds: 0 }, { seconds: -5 }, { seconds: '60' }, {}, { seconds: null }]) {
    test(`POST /clock/advance ${JSON.stringify(body)} answers 400 saying what to fix`, async ({ emu }) => {
      const res = await emu.control('POST', '/clock/advance', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('seconds must be a number > 0');
    });
  }

  test('POST /clock/advance with malformed JSON answers 400 InvalidRequestBody', async ({ emu }) => {
    const res = await emu.app.inject({
      method: 'POST',
      url: '/_emulator/clock/advance',
      headers: { 'content-type': 'application/json' },
      payload: '{"seconds":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('InvalidRequestBody');
  });

  test('POST /apps registers an app whose tokens carry exactly its roles', async ({ emu }) => {
    const res = await emu.control('POST', '/apps', {
      tenantId: TENANT,
      clientId: 'x',
      clientSecret: 'y',
      roles: ['Machine.Isolate'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('"y"');
  });

  for (const [body, fix] of [
    [{ clientId: 'x', clientSecret: 'y', roles: [] }, 'tenantId'],
    [{ tenantId: TENANT, clientSecret: 'y', roles: [] }, 'clientId'],
    [{ tenantId: TENANT, clientId: 'x', roles: [] }, 'clientSecret'],
    [{ tenantId: TENANT, clientId: 'x', clientSecret: 'y', roles: 'Machine.Scan' }, 'roles'],
  ] as const) {
    test(`POST /apps without a valid ${fix} answers 400 naming it`, async ({ emu }) => {
      const res = await emu.control('POST', '/apps', body);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain(fix);
    });
  }

  test('POST /machines registers a device; a bad one answers 400', async ({ emu }) => {
    expect(
      (await emu.control('POST', '/machines', { tenantId: TENANT, id: MACHINE, computerDnsName: 'pc' }))
        .statusCode,
    ).toBe(201);
    expect((await emu.control('POST', '/machines', { tenantId: TENANT })).statusCode).toBe(400);
  });

  test('POST /machineactions answers 201 with a MachineAction in the seeded status', async ({ emu }) => {
    await emu.machine();
    const res = await emu.control('POST', '/machineactions', {
      tenantId: TENANT,
      machineId: MACHINE,
      type: 'Isolate',
      status: 'TimeOut',
      requestor: 'soc@contoso.example',
      requestorComment: 'seeded',
      scope: 'Selective',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'Isolate',
      status: 'TimeOut',
      requestor: 'soc@contoso.example',
      scope: 'Selective',
    });
    expect(res.json().computerDnsName).toContain('.contoso.example');
  });

  for (const [field, value] of [
    ['type', 'Reboot'],
    ['status', 'Canceled'],
    ['machineId', ''],
  ] as const) {
    test(`POST /machineactions with ${field} ${JSON.stringify(value)} answers 400 naming ${field}`, async ({
      emu,
    }) => {
      const res = await emu.control('POST', '/machineactions', {
        tenantId: TENANT,
        machineId: MACHINE,
        type: 'Isolate',
        status: 'Pending',
        [field]: value,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(field);
    });
  }

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
      { timeSource: { now: () => START_MS } },
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

  test('a bad seed stops the build with a message naming the field', async () => {
    await expect(
      buildApp({
        seed: { actions: [{ tenantId: TENANT, machineId: MACHINE, type: 'Nope', status: 'Pending' }] },
      }),
    ).rejects.toThrow(/seed: type must be one of/);
  });
});
