import { type Emu, errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// What keeps a device busy after a cancel: for a new action of the same type, or in the action itself.

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

smoke(
  'only-scan-cancel-stored',
  "an Isolate action's cancel answers Cancelled but GET shows it Pending; a scan's cancel is stored",
  async (emu) => {
    const token = await emu.token();
    const isolation = await emu.seed('Pending', { type: 'Isolate', scope: 'Full' });
    expect((await emu.cancel(isolation.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(isolation.id as string, token)).json().status).toBe('Pending');
    const scan = await emu.seed('Pending');
    await emu.cancel(scan.id as string, token);
    expect((await emu.get(scan.id as string, token)).json().status).toBe('Cancelled');
  },
);

// Two faults where one way of cancelling keeps the device busy: after a scan cancelled the usual way
// frees it, a second scan cancelled that way shows Cancelled yet blocks the next scan.
for (const { fault, way, cancelSecond } of [
  {
    fault: 'versioned-cancel-keeps-device' as const,
    way: 'under /api/v1.0',
    cancelSecond: (emu: Emu, id: string, token: string) =>
      emu.call('POST', `/api/v1.0/machineactions/${id}/cancel`, {
        token,
        body: { Comment: 'cancelled by test' },
      }),
  },
  {
    fault: 'uncommented-cancel-keeps-device' as const,
    way: 'without a Comment',
    cancelSecond: (emu: Emu, id: string, token: string) => emu.cancel(id, token, {}),
  },
])
  smoke(
    fault,
    `a scan cancelled ${way} keeps its device busy; one cancelled under /api with a Comment frees it`,
    async (emu) => {
      await emu.machine();
      const token = await emu.token();
      const first = await emu.scan(token);
      expect((await emu.cancel(first.json().id, token)).statusCode).toBe(200);
      const second = await emu.scan(token);
      expect(second.statusCode).toBe(201);
      expect((await cancelSecond(emu, second.json().id, token)).json().status).toBe('Cancelled');
      expect((await emu.get(second.json().id, token)).json().status).toBe('Cancelled');
      expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
    },
  );
