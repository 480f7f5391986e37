import { errorCode, expect, test } from '../emulator-fixture.ts';
import { readings } from './readings.ts';

// docs/contract.md#body-without-content-type and docs/contract.md#body-with-wrong-content-type.
test.describe('body-without-content-type accepted', () => {
  test.use({ emulatorOptions: readings({ 'body-without-content-type': 'accepted' }) });

  test('a JSON body without Content-Type is read as JSON', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":"untyped"}');
    expect(res.json().cancellationComment).toBe('untyped');
  });
});

test.describe('body-without-content-type refused 400 InvalidRequestBody', () => {
  test.use({
    emulatorOptions: readings({ 'body-without-content-type': { status: 400, code: 'InvalidRequestBody' } }),
  });

  test('a JSON body without Content-Type answers the reading and changes nothing', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token, '{"Comment":"untyped"}');
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'InvalidRequestBody']);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  });
});

for (const reading of [
  { status: 400, code: 'InvalidRequestBody' },
  { status: 415, code: 'UnsupportedContentType' },
])
  test.describe(`body-with-wrong-content-type ${reading.status} ${reading.code}`, () => {
    test.use({ emulatorOptions: readings({ 'body-with-wrong-content-type': reading }) });

    test('a body sent as text/plain answers the reading and changes nothing', async ({ emu }) => {
      const action = await emu.seed('Pending');
      const token = await emu.token();
      const res = await emu.cancel(action.id as string, token, '{"Comment":"x"}', {
        headers: { 'content-type': 'text/plain' },
      });
      expect([res.statusCode, errorCode(res)]).toEqual([reading.status, reading.code]);
      expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
    });
  });
