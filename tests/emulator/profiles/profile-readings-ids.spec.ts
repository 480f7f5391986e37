import { randomUUID } from 'node:crypto';
import { errorCode, expect, test } from '../emulator-fixture.ts';
import { readings } from './readings.ts';

// docs/contract.md#unknown-id and docs/contract.md#malformed-id.
test.describe('unknown-id 404 ResourceNotFound', () => {
  test.use({ emulatorOptions: readings({ 'unknown-id': { status: 404, code: 'ResourceNotFound' } }) });

  test('cancel and GET of an unknown id answer the reading', async ({ emu }) => {
    const token = await emu.token();
    expect(errorCode(await emu.cancel(randomUUID(), token))).toBe('ResourceNotFound');
    expect(errorCode(await emu.get(randomUUID(), token))).toBe('ResourceNotFound');
  });
});

test.describe('malformed-id 400 InvalidId', () => {
  test.use({ emulatorOptions: readings({ 'malformed-id': { status: 400, code: 'InvalidId' } }) });

  test('a short and an overlong malformed id answer the reading on cancel and GET', async ({ emu }) => {
    const token = await emu.token();
    for (const id of ['not-a-guid', 'x'.repeat(600)]) {
      for (const res of [await emu.cancel(id, token), await emu.get(id, token)])
        expect([res.statusCode, errorCode(res)], id.slice(0, 12)).toEqual([400, 'InvalidId']);
    }
  });
});
