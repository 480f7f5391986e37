import { type Emu, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a versioned route reads a cancel body of the wrong JSON shape, where /api refuses it.

smoke(
  'versioned-comment-object-accepted',
  'an object Comment cancels under /api/v1.0, stringified, and is refused under /api',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const body = { Comment: { text: 'x' } };
    expect((await emu.cancel(action.id as string, token, body)).statusCode).toBe(400);
    const url = `/api/v1.0/machineactions/${action.id}/cancel`;
    const res = await emu.call('POST', url, { token, body });
    expect(res.statusCode).toBe(200);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'versioned-array-body-accepted',
  'an array body cancels under /api/v1.0, read as its first item, and is refused under /api',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const body = [{ Comment: 'first' }];
    expect((await emu.cancel(action.id as string, token, body)).statusCode).toBe(400);
    const url = `/api/v1.0/machineactions/${action.id}/cancel`;
    const res = await emu.call('POST', url, { token, body });
    expect(res.statusCode).toBe(200);
    expect((await emu.get(action.id as string, token)).json().cancellationComment).toBe('first');
  },
);

// A wrong label under /api/v1.0 and under /api, on two actions: which of them it cancelled.
async function labelled(emu: Emu, contentType: string) {
  const token = await emu.token();
  const [plain, versioned] = [await emu.seed('Pending'), await emu.seed('Pending')];
  const headers = { 'content-type': contentType };
  const body = JSON.stringify({ Comment: 'labelled wrong' });
  const opts = { token, headers, body, unchecked: true };
  const refused = await emu.call('POST', `/api/machineactions/${plain.id}/cancel`, opts);
  const taken = await emu.call('POST', `/api/v1.0/machineactions/${versioned.id}/cancel`, opts);
  const status = async (id: unknown) => (await emu.get(id as string, token)).json().status;
  return { refused: refused.statusCode, taken: taken.statusCode, after: await status(versioned.id) };
}

smoke(
  'versioned-json-prefix-accepted',
  'application/jsonx cancels under /api/v1.0 and is refused under /api',
  async (emu) => {
    expect(await labelled(emu, 'application/jsonx')).toEqual({
      refused: 415,
      taken: 200,
      after: 'Cancelled',
    });
  },
);

smoke(
  'versioned-form-urlencoded-accepted',
  'a form-labelled JSON body cancels under /api/v1.0 and is refused under /api; text/plain stays refused',
  async (emu) => {
    const form = await labelled(emu, 'application/x-www-form-urlencoded');
    expect(form).toEqual({ refused: 415, taken: 200, after: 'Cancelled' });
    expect((await labelled(emu, 'text/plain')).taken).toBe(415);
  },
);
