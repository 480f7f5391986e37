import { randomUUID } from 'node:crypto';
import { errorCode, expect, test } from '../emulator-fixture.ts';

test.describe('cancel and GET of ids that name nothing', () => {
  test('cancel of an unknown well-formed id answers 404 NotFound with a target GUID', async ({ emu }) => {
    const res = await emu.cancel(randomUUID(), await emu.token());
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('NotFound');
    expect(res.json().error.target).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('GET of an unknown well-formed id answers 404', async ({ emu }) => {
    const res = await emu.get(randomUUID(), await emu.token());
    expect(res.statusCode).toBe(404);
  });

  for (const id of [
    'not-a-guid',
    '12345',
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
    '%27%20or%201%3D1',
    'a'.repeat(300),
    'b'.repeat(2000),
  ]) {
    test(`a malformed id (${id.slice(0, 20)}) answers 404 on cancel and GET, never 5xx`, async ({ emu }) => {
      const token = await emu.token();
      expect((await emu.cancel(id, token)).statusCode).toBe(404);
      expect((await emu.get(id, token)).statusCode).toBe(404);
    });
  }

  test('ids are matched without case', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.get(String(action.id).toUpperCase(), await emu.token());
    expect(res.statusCode).toBe(200);
  });

  test('each error carries a fresh target', async ({ emu }) => {
    const token = await emu.token();
    const a = (await emu.get(randomUUID(), token)).json().error.target;
    const b = (await emu.get(randomUUID(), token)).json().error.target;
    expect(a).not.toBe(b);
  });
});
