import { decodeJwt } from 'jose';
import { errorCode, expect, OTHER_TENANT, test } from '../emulator-fixture.ts';

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

  // The reference emulator counts per tenant, app and operation (docs/contract.md#rate-limit-keying):
  // one multi-tenant app, the same client id in both tenants, so only the tenant tells the counts apart.
  test("rate limits of one tenant do not touch another's", async ({ emu }) => {
    const mine = await emu.token(undefined, { clientId: 'multi-tenant-app' });
    const theirs = await emu.token(undefined, { tenantId: OTHER_TENANT, clientId: 'multi-tenant-app' });
    expect(decodeJwt(theirs).appid).toBe(decodeJwt(mine).appid);
    for (let i = 0; i < 100; i++) await emu.call('GET', '/api/machineactions', { token: mine });
    expect((await emu.call('GET', '/api/machineactions', { token: mine })).statusCode).toBe(429);
    expect((await emu.call('GET', '/api/machineactions', { token: theirs })).statusCode).toBe(200);
  });
});
