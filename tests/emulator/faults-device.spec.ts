import { errorCode, expect } from './emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// What keeps a device busy for a new action of the same type after a cancel.

smoke(
  'reopen-blocked-after-running-cancel',
  'a cancelled InProgress action keeps its device busy; a cancelled Pending one frees it',
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const pending = await emu.seed('Pending');
    expect((await emu.cancel(pending.id as string, token)).statusCode).toBe(200);
    const scan = await emu.scan(token);
    expect(scan.statusCode).toBe(201);
    expect((await emu.cancel(scan.json().id, token)).statusCode).toBe(200);
    const running = await emu.seed('InProgress');
    expect((await emu.cancel(running.id as string, token)).statusCode).toBe(200);
    expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
  },
);
