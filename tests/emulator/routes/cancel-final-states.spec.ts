import { errorCode, expect, test } from '../emulator-fixture.ts';

test.describe('cancel of a final action', () => {
  for (const status of ['Succeeded', 'Failed', 'TimeOut', 'Cancelled']) {
    test(`cancel of a ${status} action answers 400 BadRequest and leaves it unchanged`, async ({ emu }) => {
      const action = await emu.seed(status);
      const token = await emu.token();
      const before = (await emu.get(action.id as string, token)).json();
      await emu.advance(10);
      const res = await emu.cancel(action.id as string, token);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('BadRequest');
      expect((await emu.get(action.id as string, token)).json()).toEqual(before);
    });
  }

  test('a second cancel of the same action is refused', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    expect((await emu.cancel(action.id as string, token)).statusCode).toBe(200);
    expect((await emu.cancel(action.id as string, token)).statusCode).toBe(400);
  });
});
