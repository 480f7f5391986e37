import { expect } from '../emulator-fixture.ts';
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
