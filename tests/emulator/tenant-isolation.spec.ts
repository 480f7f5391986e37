import { errorCode, expect, OTHER_TENANT, test } from './emulator-fixture.ts';

test.describe('tenant isolation', () => {
  test("another tenant's action is invisible to GET: 404", async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.get(action.id as string, await emu.token(undefined, { tenantId: OTHER_TENANT }));
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('NotFound');
  });

  test("another tenant's action cannot be cancelled: 404, and it stays Pending", async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(undefined, { tenantId: OTHER_TENANT }));
    expect(res.statusCode).toBe(404);
    expect((await emu.get(action.id as string, await emu.token())).json().status).toBe('Pending');
  });

  test("another tenant's actions are not listed", async ({ emu }) => {
    await emu.seed('Pending');
    const res = await emu.call('GET', '/api/machineactions', {
      token: await emu.token(undefined, { tenantId: OTHER_TENANT }),
    });
    expect(res.json().value).toEqual([]);
  });

  test("rate limits of one tenant do not touch another's", async ({ emu }) => {
    const mine = await emu.token();
    const theirs = await emu.token(undefined, { tenantId: OTHER_TENANT });
    for (let i = 0; i < 100; i++) await emu.call('GET', '/api/machineactions', { token: mine });
    expect((await emu.call('GET', '/api/machineactions', { token: mine })).statusCode).toBe(429);
    expect((await emu.call('GET', '/api/machineactions', { token: theirs })).statusCode).toBe(200);
  });
});
