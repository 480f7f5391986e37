import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// A cancel's 200 that describes another action than the one it cancelled, where the stored one is right.

smoke(
  'cancel-answer-type-of-command',
  "the 200 body names the cancel command's type; GET shows the action's",
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token);
    expect(res.json()).toMatchObject({ id: action.id, type: 'CancelMachineAction', status: 'Cancelled' });
    expect((await emu.get(action.id as string, token)).json().type).toBe('RunAntiVirusScan');
  },
);

smoke(
  'cancel-answer-comment-as-requestor-comment',
  "the 200 body shows the cancel's Comment as requestorComment; GET shows the action's",
  async (emu) => {
    const action = await emu.seed('Pending', { requestorComment: 'scan it' });
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token, { Comment: 'stop it' });
    expect(res.json()).toMatchObject({ requestorComment: 'stop it', cancellationComment: 'stop it' });
    expect((await emu.get(action.id as string, token)).json().requestorComment).toBe('scan it');
  },
);

smoke(
  'get-cancelled-comment-as-requestor-comment',
  "a GET after the cancel shows its Comment as requestorComment; the 200 and an active action's GET are right",
  async (emu) => {
    const action = await emu.seed('Pending', { requestorComment: 'scan it' });
    const token = await emu.token();
    expect((await emu.get(action.id as string, token)).json().requestorComment).toBe('scan it');
    const res = await emu.cancel(action.id as string, token, { Comment: 'stop it' });
    expect(res.json().requestorComment).toBe('scan it');
    expect((await emu.get(action.id as string, token)).json()).toMatchObject({
      status: 'Cancelled',
      requestorComment: 'stop it',
    });
  },
);
