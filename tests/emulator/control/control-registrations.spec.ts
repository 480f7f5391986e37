import { getContract } from '../../../src/contract/index.ts';
import { ALL_ROLES, errorCode, expect, MACHINE, TENANT, test } from '../emulator-fixture.ts';

// What the control protocol registers (apps, machines, seeded actions) and what it refuses: bad input
// is a 400 naming every field to fix, never a 500 (docs/interfaces.md#control-protocol).
const APP = { tenantId: TENANT, clientId: 'x', clientSecret: 'y', roles: ['Machine.Isolate'] };
const ACTION = { tenantId: TENANT, machineId: MACHINE, type: 'Isolate', status: 'Pending' };

test.describe('control protocol: apps', () => {
  test('POST /apps registers an app whose tokens carry exactly its roles', async ({ emu }) => {
    const res = await emu.control('POST', '/apps', APP);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ tenantId: TENANT, clientId: 'x', roles: ['Machine.Isolate'] });
    expect(res.body).not.toContain('"y"');
  });

  // A seed's `"clientSecret": 918273645` (a secret of digits, unquoted) was quoted back in the 400 and
  // in the start-up error, where the emulator has no redactor: the type is named, the value never.
  test('a secret of the wrong type answers 400 naming its type, never its value', async ({ emu }) => {
    for (const clientSecret of [918273645, true]) {
      const res = await emu.control('POST', '/apps', { ...APP, clientSecret });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('clientSecret must be a string when given');
      expect(res.body).not.toContain(String(clientSecret));
    }
  });

  test('every role of the contract can be held, and none at all', async ({ emu }) => {
    const declared = getContract().document.components?.securitySchemes?.['mdeOAuth'] as {
      flows: { clientCredentials: { scopes: Record<string, string> } };
    };
    for (const roles of [ALL_ROLES, Object.keys(declared.flows.clientCredentials.scopes), []])
      expect((await emu.control('POST', '/apps', { ...APP, roles })).statusCode).toBe(201);
  });

  test('a role the contract does not know answers 400 naming it and listing the roles', async ({ emu }) => {
    const res = await emu.control('POST', '/apps', { ...APP, roles: ['Machine.Scan', 'Machine.Bogus'] });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('InvalidInput');
    const message = res.json().error.message as string;
    expect(message).toContain('roles[1]');
    expect(message).toContain('"Machine.Bogus"');
    for (const role of new Set(getContract().operations.flatMap((op) => op.roles)))
      expect(message).toContain(role);
    expect(
      (await emu.control('POST', '/apps', { ...APP, roles: ['Machine.CollectForensic'] })).statusCode,
    ).toBe(400);
  });

  for (const [what, body, fix] of [
    ['no tenantId', { clientId: 'x', clientSecret: 'y', roles: [] }, 'tenantId'],
    ['no clientId', { tenantId: TENANT, clientSecret: 'y', roles: [] }, 'clientId'],
    ['no credential', { tenantId: TENANT, clientId: 'x', roles: [] }, 'clientSecret'],
    ['an empty secret', { ...APP, clientSecret: '' }, 'clientSecret'],
    ['roles as a string', { ...APP, roles: 'Machine.Scan' }, 'roles'],
    ['roles null', { ...APP, roles: null }, 'roles'],
    ['a role that is a number', { ...APP, roles: [7] }, 'roles[0]'],
    ['a tenantId that is a number', { ...APP, tenantId: 7 }, 'tenantId'],
    ['a tenantId of 501 characters', { ...APP, tenantId: 'a'.repeat(501) }, 'tenantId must be at most 500'],
    ['a secret that is a number', { ...APP, clientSecret: 7 }, 'clientSecret'],
    ['a certificate that is not PEM', { ...APP, certificate: 'not a pem' }, 'certificate'],
    ['federatedCredentials as an object', { ...APP, federatedCredentials: {} }, 'federatedCredentials'],
  ] as const) {
    test(`POST /apps with ${what} answers 400 naming ${fix}`, async ({ emu }) => {
      const res = await emu.control('POST', '/apps', body);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain(fix);
    });
  }

  test('an empty body is one 400 naming every missing field', async ({ emu }) => {
    const res = await emu.control('POST', '/apps', {});
    expect(res.statusCode).toBe(400);
    for (const field of ['tenantId', 'clientId', 'roles', 'clientSecret'])
      expect(res.json().error.message).toContain(field);
  });
});

test.describe('control protocol: machines and seeded actions', () => {
  test('POST /machines registers a device; a bad one answers 400 naming the field', async ({ emu }) => {
    const ok = await emu.control('POST', '/machines', {
      tenantId: TENANT,
      id: MACHINE,
      computerDnsName: 'pc',
    });
    expect(ok.statusCode).toBe(201);
    for (const [body, fix] of [
      [{ tenantId: TENANT }, 'id'],
      [{ tenantId: TENANT, id: 7 }, 'id'],
      [{ tenantId: TENANT, id: 'm'.repeat(501) }, 'id must be at most 500 characters'],
      [{ tenantId: TENANT, id: MACHINE, computerDnsName: {} }, 'computerDnsName'],
    ] as const) {
      const res = await emu.control('POST', '/machines', body);
      expect(res.statusCode, fix).toBe(400);
      expect(res.json().error.message).toContain(fix);
    }
  });

  test('POST /machineactions answers 201 with a MachineAction in the seeded status', async ({ emu }) => {
    await emu.machine();
    const res = await emu.control('POST', '/machineactions', {
      ...ACTION,
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
    ['type', 'toString'],
    ['status', 'Canceled'],
    ['status', 7],
    ['machineId', ''],
    ['requestor', 7],
    ['scope', {}],
  ] as const) {
    test(`POST /machineactions with ${field} ${JSON.stringify(value)} answers 400 naming ${field}`, async ({
      emu,
    }) => {
      const res = await emu.control('POST', '/machineactions', { ...ACTION, [field]: value });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain(field);
    });
  }
});

test.describe('control protocol: members outside a shape', () => {
  // A misspelt or unsupported member is refused, never ignored: an "id" the emulator does not honour
  // would look honoured, a "statuss" would seed the wrong status.
  const MACHINE_BODY = { tenantId: TENANT, id: 'm-extra', computerDnsName: 'x.test' };
  for (const [route, body, member] of [
    ['/machineactions', { ...ACTION, statuss: 'Succeeded' }, 'statuss'],
    ['/machineactions', { ...ACTION, id: 'abc' }, 'id'],
    ['/apps', { ...APP, role: ['Machine.Scan'] }, 'role'],
    ['/machines', { ...MACHINE_BODY, name: 'x' }, 'name'],
    ['/clock/advance', { seconds: 1, minutes: 1 }, 'minutes'],
  ] as const)
    test(`POST ${route} with "${member}" answers 400 naming it and what the route takes`, async ({ emu }) => {
      const res = await emu.control('POST', route, body);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain(`${member} is not a member here; it takes`);
    });
});

test.describe('control protocol: hostile bodies', () => {
  const routes = ['/clock/advance', '/apps', '/machines', '/machineactions'];

  for (const payload of ['null', '[]', '[1]', '5', '"text"', 'true', '{', '{"a":1}', '']) {
    test(`the body ${JSON.stringify(payload)} answers 400 on every route, never a 500`, async ({ emu }) => {
      for (const route of routes) {
        const res = await emu.app.inject({
          method: 'POST',
          url: `/_emulator${route}`,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode, route).toBe(400);
        expect(['InvalidInput', 'InvalidRequestBody'], route).toContain(errorCode(res));
        expect(res.json().error.message, route).not.toMatch(/\bat \S+:\d+/);
      }
      expect((await emu.control('GET', '/clock')).statusCode).toBe(200);
    });
  }

  test('registering the same app or device twice replaces it; seeding twice makes two actions', async ({
    emu,
  }) => {
    expect((await emu.control('POST', '/apps', APP)).statusCode).toBe(201);
    expect((await emu.control('POST', '/apps', { ...APP, roles: ['Machine.Scan'] })).json().roles).toEqual([
      'Machine.Scan',
    ]);
    await emu.machine();
    await emu.machine();
    const first = await emu.control('POST', '/machineactions', ACTION);
    const second = await emu.control('POST', '/machineactions', ACTION);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
  });
});
