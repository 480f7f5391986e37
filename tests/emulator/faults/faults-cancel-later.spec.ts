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
