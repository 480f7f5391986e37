import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a cancel records the Comment it was sent.

smoke(
  'cancel-comment-mojibake',
  'an ASCII Comment is recorded as sent, a non-ASCII one garbled, in the 200 and on a GET',
  async (emu) => {
    const token = await emu.token();
    const plain = await emu.seed('Pending');
    const ascii = (await emu.cancel(plain.id as string, token, { Comment: 'plain text' })).json();
    expect(ascii.cancellationComment).toBe('plain text');
    const accented = await emu.seed('Pending');
    const body = (await emu.cancel(accented.id as string, token, { Comment: 'café' })).json();
    expect(body.cancellationComment).toBe('cafÃ©');
    expect((await emu.get(accented.id as string, token)).json().cancellationComment).toBe('cafÃ©');
  },
);
