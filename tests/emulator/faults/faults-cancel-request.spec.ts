import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Cancel requests the emulator refuses, which a fault takes (malformed JSON, a numeric Comment, a
// text/plain body).
// Bodies of the wrong JSON shape: faults-body.spec.ts.

smoke('bad-json-accepted', 'malformed JSON cancels', async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":', {
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode).toBe(200);
});

smoke('comment-number-accepted', 'a numeric Comment is stringified', async (emu) => {
  const action = await emu.seed('Pending');
  expect(
    (await emu.cancel(action.id as string, await emu.token(), { Comment: 42 })).json().cancellationComment,
  ).toBe('42');
});

smoke('text-plain-accepted', 'a text/plain body cancels; application/xml is still refused', async (emu) => {
  const token = await emu.token();
  const one = await emu.seed('Pending');
  expect(
    (
      await emu.cancel(one.id as string, token, '{"Comment":"t"}', {
        headers: { 'content-type': 'text/plain' },
      })
    ).statusCode,
  ).toBe(200);
  const two = await emu.seed('Pending', { type: 'Isolate' });
  expect(
    (await emu.cancel(two.id as string, token, '{}', { headers: { 'content-type': 'application/xml' } }))
      .statusCode,
  ).toBe(415);
});

smoke(
  'uncommented-wrong-label-accepted',
  'a text/plain body {} cancels; one naming a Comment is still refused',
  async (emu) => {
    const token = await emu.token();
    const headers = { 'content-type': 'text/plain' };
    const one = await emu.seed('Pending');
    expect((await emu.cancel(one.id as string, token, '{}', { headers })).statusCode).toBe(200);
    expect((await emu.get(one.id as string, token)).json().status).toBe('Cancelled');
    const two = await emu.seed('Pending', { type: 'Isolate' });
    expect((await emu.cancel(two.id as string, token, '{"Comment":"t"}', { headers })).statusCode).toBe(415);
  },
);
