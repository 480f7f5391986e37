import { ACTION_ROLES, errorCode, expect, test } from '../emulator-fixture.ts';

test.describe('permissions (roles come from the contract)', () => {
  for (const role of ACTION_ROLES) {
    test(`${role} alone can cancel`, async ({ emu }) => {
      const action = await emu.seed('Pending');
      const res = await emu.cancel(action.id as string, await emu.token([role]));
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('Cancelled');
    });
  }

  test('Machine.Read.All alone cannot cancel: 403 Forbidden, and nothing changes', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(['Machine.Read.All']));
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('Forbidden');
    const after = await emu.get(action.id as string, await emu.token(['Machine.Read.All']));
    expect(after.json().status).toBe('Pending');
  });

  test('a token with no roles cannot read: 403 Forbidden', async ({ emu }) => {
    const res = await emu.call('GET', '/api/machineactions', { token: await emu.token([]) });
    expect(res.statusCode).toBe(403);
  });

  test('Machine.ReadWrite.All can read and list', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token(['Machine.ReadWrite.All']);
    expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
    expect((await emu.call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
  });

  test('a create operation needs its own role (Machine.Scan for a scan)', async ({ emu }) => {
    await emu.machine();
    expect((await emu.scan(await emu.token(['Machine.Isolate']))).statusCode).toBe(403);
    expect((await emu.scan(await emu.token(['Machine.Scan']))).statusCode).toBe(201);
  });
});
