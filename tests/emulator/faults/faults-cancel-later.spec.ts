import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a cancelled action reads as time passes.

smoke(
  'cancel-overtaken-by-completion',
  'a cancelled action reads Cancelled for a minute, then Succeeded',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, token)).json().status).toBe('Cancelled');
    await emu.advance(59);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
    await emu.advance(1);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Succeeded');
  },
);

smoke(
  'get-cached-per-app',
  'an app that read an action before another app cancelled it reads it Pending; the canceller, and an app reading it first, read Cancelled',
  async (emu) => {
    const action = await emu.seed('Pending');
    const id = action.id as string;
    const reader = await emu.token();
    const canceller = await emu.token();
    expect((await emu.get(id, reader)).json().status).toBe('Pending');
    expect((await emu.get(id, canceller)).json().status).toBe('Pending');
    expect((await emu.cancel(id, canceller)).json().status).toBe('Cancelled');
    expect((await emu.get(id, canceller)).json().status).toBe('Cancelled');
    expect((await emu.get(id, reader)).json().status).toBe('Pending');
    expect((await emu.get(id, await emu.token())).json().status).toBe('Cancelled');
  },
);

smoke(
  'own-second-cancel-replayed-later',
  "the app's refused second cancel rewrites the cancellation five minutes later; another app's does not",
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    await emu.cancel(action.id as string, token, { Comment: 'first' });
    expect((await emu.cancel(action.id as string, token, { Comment: 'second' })).statusCode).toBe(400);
    expect((await emu.get(action.id as string, token)).json().cancellationComment).toBe('first');
    await emu.advance(300);
    const later = (await emu.get(action.id as string, token)).json();
    expect([later.status, later.cancellationComment]).toEqual(['Cancelled', 'second']);
    const other = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(other.id as string, token, { Comment: 'mine' });
    expect((await emu.cancel(other.id as string, await emu.token(), { Comment: 'theirs' })).statusCode).toBe(
      400,
    );
    await emu.advance(300);
    expect((await emu.get(other.id as string, token)).json().cancellationComment).toBe('mine');
  },
);
