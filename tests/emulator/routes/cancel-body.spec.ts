import { errorCode, expect, test } from '../emulator-fixture.ts';

test.describe('cancel request body and Content-Type', () => {
  test('malformed JSON answers 400 InvalidRequestBody and changes nothing', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token, '{"Comment": ', {
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('InvalidRequestBody');
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  });

  for (const body of [{ Comment: 42 }, { Comment: null }, { Comment: ['a'] }, [], 'null', '"text"']) {
    test(`a body of ${JSON.stringify(body)} answers 400 InvalidRequestBody`, async ({ emu }) => {
      const action = await emu.seed('Pending');
      const token = await emu.token();
      const res = await emu.cancel(action.id as string, token, typeof body === 'string' ? body : body, {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidRequestBody');
      expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
    });
  }

  for (const type of [
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'application/jsonx',
  ]) {
    test(`a body sent as ${type} answers 415 UnsupportedMediaType and changes nothing`, async ({ emu }) => {
      const action = await emu.seed('Pending');
      const token = await emu.token();
      const res = await emu.cancel(action.id as string, token, '{"Comment":"x"}', {
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBe(415);
      expect(errorCode(res)).toBe('UnsupportedMediaType');
      expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
    });
  }

  test('application/json with parameters and any case is accepted', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":"x"}', {
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(res.statusCode).toBe(200);
  });

  test('a JSON body without Content-Type answers 415 in the default profile', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":"x"}');
    expect(res.statusCode).toBe(415);
  });

  test('body keys are case-sensitive: "comment" is not Comment', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), { comment: 'lower' });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancellationComment).toBeNull();
  });
});
