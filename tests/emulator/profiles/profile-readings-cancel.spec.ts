import type { Refusal } from '../../../src/contract/index.ts';
import { errorCode, expect, test } from '../emulator-fixture.ts';
import { readings } from './readings.ts';

// docs/contract.md#final-state-cancel: any refusal a profile names, and the action stays as it was.
const finalStateRefusals: Refusal[] = [
  { status: 400, code: 'InvalidInput' },
  { status: 409, code: 'Conflict' },
  { status: 405, code: 'MethodNotAllowed' },
  { status: 422, code: 'ActionNotCancellable' },
];
for (const reading of finalStateRefusals)
  test.describe(`final-state-cancel ${reading.status} ${reading.code}`, () => {
    test.use({ emulatorOptions: readings({ 'final-state-cancel': reading }) });

    test('a cancel of a Succeeded action answers the reading and changes nothing', async ({ emu }) => {
      const action = await emu.seed('Succeeded');
      const token = await emu.token();
      const res = await emu.cancel(action.id as string, token, undefined, {
        unchecked: reading.status === 422,
      });
      expect(res.statusCode).toBe(reading.status);
      expect(errorCode(res)).toBe(reading.code);
      // RFC 9110: a 405 names the methods allowed now; a final action allows none.
      expect(res.headers['allow']).toBe(reading.status === 405 ? '' : undefined);
      expect((await emu.get(action.id as string, token)).json().status).toBe('Succeeded');
    });
  });

test.describe('cancel-answer-status as-before', () => {
  test.use({ emulatorOptions: readings({ 'cancel-answer-status': 'as-before' }) });

  test('the 200 shows the action before the cancel; GET shows it Cancelled', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    expect((await emu.cancel(action.id as string, token)).json().status).toBe('Pending');
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
  });
});

test.describe('cancel-without-body refused, cancel-without-comment accepted', () => {
  test.use({ emulatorOptions: readings({ 'cancel-without-body': { status: 411, code: 'LengthRequired' } }) });

  test('no body at all answers the refusal; {} cancels', async ({ emu }) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    const res = await emu.call('POST', `/api/machineactions/${bare.id}/cancel`, { token, unchecked: true });
    expect([res.statusCode, errorCode(res)]).toEqual([411, 'LengthRequired']);
    const empty = await emu.seed('Pending', { type: 'Isolate' });
    expect((await emu.cancel(empty.id as string, token, {})).json().status).toBe('Cancelled');
  });
});

test.describe('cancel-without-comment refused, cancel-without-body accepted', () => {
  test.use({
    emulatorOptions: readings({
      'cancel-without-comment': { status: 400, code: 'MissingRequiredParameter' },
    }),
  });

  test('{} answers the refusal; no body at all cancels', async ({ emu }) => {
    const token = await emu.token();
    const empty = await emu.seed('Pending');
    const res = await emu.cancel(empty.id as string, token, {});
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'MissingRequiredParameter']);
    const bare = await emu.seed('Pending', { type: 'Isolate' });
    const ok = await emu.call('POST', `/api/machineactions/${bare.id}/cancel`, { token });
    expect(ok.json()).toMatchObject({ status: 'Cancelled', cancellationComment: null });
  });
});

test.describe('duplicate-create return-existing', () => {
  test.use({ emulatorOptions: readings({ 'duplicate-create': 'return-existing' }) });

  test('a second scan answers 201 with the first', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    const second = await emu.scan(token);
    expect([second.statusCode, second.json().id]).toEqual([201, first.id]);
  });
});
