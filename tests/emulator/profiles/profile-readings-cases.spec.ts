import { errorCode, expect, test } from '../emulator-fixture.ts';
import { readings } from './readings.ts';

// Readings that differ by case (docs/calibration.md#per-case), the precise duplicate-create forms and
// docs/contract.md#cancel-visible-after: the emulator answers each case from its own entry.

test.describe('www-authenticate per case', () => {
  const missing = 'Bearer realm="api"';
  const invalid = 'Bearer realm="api", error="invalid_token"';
  test.use({ emulatorOptions: readings({ 'www-authenticate': { missing, invalid } }) });

  test('a 401 without Authorization, and one with a token that failed, each carry their own header', async ({
    emu,
  }) => {
    const seeded = await emu.seed('Pending');
    const url = `/api/machineactions/${seeded.id}`;
    const none = await emu.call('GET', url);
    const bad = await emu.call('GET', url, { headers: { authorization: 'Bearer not-a-token' } });
    const scheme = await emu.call('GET', url, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, missing]);
    expect([bad.statusCode, bad.headers['www-authenticate']]).toEqual([401, invalid]);
    expect([scheme.statusCode, scheme.headers['www-authenticate']]).toEqual([401, invalid]);
  });
});

test.describe('www-authenticate only when a token came', () => {
  test.use({ emulatorOptions: readings({ 'www-authenticate': { missing: null, invalid: 'Bearer' } }) });

  test('a case read null sends no header', async ({ emu }) => {
    const none = await emu.call('GET', '/api/machineactions');
    const bad = await emu.call('GET', '/api/machineactions', { headers: { authorization: 'Bearer x' } });
    expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, undefined]);
    expect([bad.statusCode, bad.headers['www-authenticate']]).toEqual([401, 'Bearer']);
  });
});

test.describe('unknown-id per operation', () => {
  test.use({
    emulatorOptions: readings({
      'unknown-id': {
        cancel: { status: 404, code: 'NotFound' },
        get: { status: 404, code: 'ResourceNotFound' },
      },
    }),
  });

  test('a cancel and a GET of an unknown id answer their own code', async ({ emu }) => {
    const token = await emu.token();
    const id = 'ffffffff-0000-4000-8000-00000000000a';
    expect(errorCode(await emu.cancel(id, token))).toBe('NotFound');
    expect(errorCode(await emu.get(id, token))).toBe('ResourceNotFound');
  });
});

test.describe('final-state-cancel per state', () => {
  const refusal = { status: 400, code: 'BadRequest' };
  test.use({
    emulatorOptions: readings({
      'final-state-cancel': {
        Succeeded: refusal,
        Failed: refusal,
        Cancelled: { status: 409, code: 'Conflict' },
        TimeOut: { status: 422, code: 'ActionTimedOut' },
      },
    }),
  });

  test('each final state answers its refusal', async ({ emu }) => {
    const token = await emu.token();
    const answers: [number, string | undefined][] = [];
    for (const status of ['Succeeded', 'Failed', 'Cancelled', 'TimeOut']) {
      const action = await emu.seed(status);
      const res = await emu.cancel(action.id as string, token, undefined, {
        unchecked: status === 'TimeOut',
      });
      answers.push([res.statusCode, errorCode(res)]);
    }
    expect(answers).toEqual([
      [400, 'BadRequest'],
      [400, 'BadRequest'],
      [409, 'Conflict'],
      [422, 'ActionTimedOut'],
    ]);
  });
});

test.describe('duplicate-create as a refusal of its own', () => {
  test.use({ emulatorOptions: readings({ 'duplicate-create': { status: 409, code: 'Conflict' } }) });

  test('a second scan answers the refusal', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    expect((await emu.scan(token)).statusCode).toBe(201);
    const second = await emu.scan(token);
    expect([second.statusCode, errorCode(second)]).toEqual([409, 'Conflict']);
  });
});

test.describe('duplicate-create answering the running action with 200', () => {
  test.use({ emulatorOptions: readings({ 'duplicate-create': { existing: 200 } }) });

  test('a second scan answers 200 with the first', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    const second = await emu.scan(token);
    expect([second.statusCode, second.json().id]).toEqual([200, first.id]);
  });
});

test.describe('cancel-visible-after 3.5', () => {
  test.use({
    emulatorOptions: readings({ 'cancel-answer-status': 'as-before', 'cancel-visible-after': 3.5 }),
  });

  test('the cancel shows, and frees the device, 3.5 virtual seconds after its 200', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const action = (await emu.scan(token)).json();
    expect((await emu.cancel(action.id, token)).json().status).toBe('Pending');
    // Until it is due the action reads, and blocks its device, as before; a second cancel is accepted.
    await emu.advance(3);
    expect((await emu.get(action.id, token)).json().status).toBe('Pending');
    expect((await emu.scan(token)).statusCode).toBe(400);
    expect((await emu.cancel(action.id, token, { Comment: 'again' })).statusCode).toBe(200);
    await emu.advance(0.5);
    const shown = (await emu.get(action.id, token)).json();
    // The first cancel is the one applied, at the time it was asked for: the clock had not moved since
    // the scan.
    expect(shown).toMatchObject({ status: 'Cancelled', cancellationComment: 'cancelled by test' });
    expect(shown.cancellationDateTimeUtc).toBe(action.creationDateTimeUtc);
    expect((await emu.scan(token)).statusCode).toBe(201);
  });
});
