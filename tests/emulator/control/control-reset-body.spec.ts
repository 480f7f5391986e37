import { expect, test } from '../emulator-fixture.ts';

// POST /_emulator/reset wipes every tenant. It ignored its body, so `{"tenantId": "..."}` (a reset of
// one tenant, as a caller might expect) or a body that is no JSON at all wiped everything without a
// word: the control protocol refuses an unknown member rather than ignore it
// (docs/interfaces.md#control-protocol), and here before anything is lost.
test.describe('control protocol: what a reset takes', () => {
  test('a member, or a body that is no JSON object, answers 400 and resets nothing', async ({ emu }) => {
    const token = await emu.token();
    await emu.machine();
    for (const payload of [{ tenantId: 'x' }, '{', '[]', 'null', '"all"']) {
      const res = await emu.app.inject({
        method: 'POST',
        url: '/_emulator/reset',
        headers: { 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      expect(res.statusCode, String(payload)).toBe(400);
      expect(res.json().error.code, String(payload)).toMatch(/^Invalid(Input|RequestBody)$/);
    }
    // The tenant's app still signs in and its machine is still there: nothing was reset.
    expect((await emu.scan(token)).statusCode).toBe(201);
  });

  test('no body, an empty one or {} still resets', async ({ emu }) => {
    for (const payload of [undefined, '', '{}']) {
      await emu.token();
      const res = await emu.app.inject({
        method: 'POST',
        url: '/_emulator/reset',
        ...(payload === undefined ? {} : { headers: { 'content-type': 'application/json' }, payload }),
      });
      expect(res.statusCode, String(payload)).toBe(204);
    }
  });
});
