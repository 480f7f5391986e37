import { errorCode, expect, test } from '../emulator-fixture.ts';

// A JSON body exchanged between systems must be UTF-8 (RFC 8259 §8.1). Bytes that are not (a script
// writing Latin-1 or Windows-1252, a body cut inside a character) were read with U+FFFD in their place:
// the cancel was served and its Comment stored other than sent, with no word to the caller. They are
// malformed JSON: refused as any (CANCEL.BODY), the answer saying what to fix, the action unchanged.
test('an API body that is not UTF-8 is refused as malformed, naming the encoding', async ({ emu }) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  const res = await emu.app.inject({
    method: 'POST',
    url: `/api/machineactions/${action.id}/cancel`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    // "Annulé" in Latin-1: 0xE9 begins no UTF-8 sequence that "\"" may follow.
    payload: Buffer.concat([Buffer.from('{"Comment": "Annul'), Buffer.from([0xe9]), Buffer.from('"}')]),
  });
  expect(res.statusCode, res.body).toBe(400);
  expect(errorCode(res)).toBe('InvalidRequestBody');
  expect(res.json().error.message).toContain('UTF-8');
  expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
});

test('a body holding U+FFFD sent as UTF-8 is still read as sent', async ({ emu }) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  const res = await emu.cancel(action.id as string, token, { Comment: 'replacement \ufffd sent' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().cancellationComment).toBe('replacement \ufffd sent');
});
