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

smoke(
  'cancel-comment-astral-lost',
  'an accented Comment is recorded as sent, an emoji as ?, in the 200 and on a GET',
  async (emu) => {
    const token = await emu.token();
    const accented = await emu.seed('Pending');
    const kept = (await emu.cancel(accented.id as string, token, { Comment: 'café' })).json();
    expect(kept.cancellationComment).toBe('café');
    const shield = await emu.seed('Pending');
    const body = (await emu.cancel(shield.id as string, token, { Comment: 'shield \u{1F6E1}' })).json();
    expect(body.cancellationComment).toBe('shield ?');
    expect((await emu.get(shield.id as string, token)).json().cancellationComment).toBe('shield ?');
  },
);

smoke(
  'cancel-comment-trimmed',
  'a Comment is recorded without the white space at its ends, in the 200 and on a GET; one without is kept',
  async (emu) => {
    const token = await emu.token();
    const plain = await emu.seed('Pending');
    const kept = (await emu.cancel(plain.id as string, token, { Comment: 'a\n\tb' })).json();
    expect(kept.cancellationComment).toBe('a\n\tb');
    const padded = await emu.seed('Pending');
    const body = (await emu.cancel(padded.id as string, token, { Comment: ' ticket text\n' })).json();
    expect(body.cancellationComment).toBe('ticket text');
    expect((await emu.get(padded.id as string, token)).json().cancellationComment).toBe('ticket text');
  },
);

smoke(
  'cancel-comment-cut-to-500',
  'a Comment of 600 characters is recorded cut to 500, in the 200 and on a GET; a shorter one is kept',
  async (emu) => {
    const token = await emu.token();
    const short = await emu.seed('Pending');
    expect((await emu.cancel(short.id as string, token, { Comment: 'a'.repeat(500) })).json()).toMatchObject({
      cancellationComment: 'a'.repeat(500),
    });
    const long = await emu.seed('Pending');
    const body = (await emu.cancel(long.id as string, token, { Comment: 'b'.repeat(600) })).json();
    expect(body.cancellationComment).toBe('b'.repeat(500));
    expect((await emu.get(long.id as string, token)).json().cancellationComment).toBe('b'.repeat(500));
  },
);

smoke(
  'uncommented-cancel-fields-dropped',
  'a cancel with {} records no requestor nor date, in the 200 and on a GET; one with a Comment records them',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    const body = (await emu.cancel(bare.id as string, token, {})).json();
    expect([body.status, body.cancellationRequestor, body.cancellationDateTimeUtc]).toEqual([
      'Cancelled',
      null,
      null,
    ]);
    const read = (await emu.get(bare.id as string, token)).json();
    expect([read.status, read.cancellationRequestor, read.cancellationDateTimeUtc]).toEqual([
      'Cancelled',
      null,
      null,
    ]);
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    const other = (await emu.cancel(commented.id as string, token)).json();
    expect(other.cancellationRequestor).toBeTruthy();
    expect(other.cancellationDateTimeUtc).toBeTruthy();
  },
);
