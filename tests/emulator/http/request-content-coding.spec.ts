import { gzipSync } from 'node:zlib';
import { errorCode, expect, test } from '../emulator-fixture.ts';

// A body sent with a Content-Encoding (a client gzipping its requests) was read as if it had none: a
// gzipped Comment answered "not valid JSON", though the JSON was valid, and a body labelled gzip that
// was not served as plain. The emulator undoes no coding, so it says so (RFC 9110 §8.4.1: 415), naming
// the coding, and changes nothing. `identity` is no coding at all.
for (const [what, payload] of [
  ['gzipped', gzipSync('{"Comment": "zipped"}')],
  ['plain but labelled gzip', Buffer.from('{"Comment": "not zipped"}')],
] as const)
  test(`a cancel with a body ${what} is refused naming the coding, the action unchanged`, async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const res = await emu.app.inject({
      method: 'POST',
      url: `/api/machineactions/${action.id}/cancel`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      payload,
    });
    expect(res.statusCode, res.body).toBe(415);
    expect(errorCode(res)).toBe('UnsupportedMediaType');
    expect(res.json().error.message).toContain('gzip');
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  });

test('a cancel labelled Content-Encoding: identity is served', async ({ emu }) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment": "x"}', {
    headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
  });
  expect(res.statusCode, res.body).toBe(200);
});
