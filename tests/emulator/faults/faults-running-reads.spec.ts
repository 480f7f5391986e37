import { expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Reads of a running (InProgress) action: faults that show it to another tenant's list, or Pending
// under /api/v1.0; and a versioned read of an active action that is no scan.

smoke(
  'tenant-leak-list-running',
  "another tenant's lists show the InProgress action, not the Pending one; its GET answers 404",
  async (emu) => {
    const running = await emu.seed('InProgress');
    const pending = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const ids = async (url: string) =>
      (await emu.call('GET', url, { token })).json().value.map((row: { id: string }) => row.id);
    const unfiltered = await ids('/api/machineactions');
    expect(unfiltered).toContain(running.id);
    expect(unfiltered).not.toContain(pending.id);
    expect(await ids(`/api/machineactions?$filter=id eq '${running.id}'`)).toContain(running.id);
    expect((await emu.get(running.id as string, token)).statusCode).toBe(404);
  },
);

smoke(
  'versioned-get-running-pending',
  'a GET under /api/v1.0 shows an InProgress action Pending; under /api InProgress; a Succeeded one alike',
  async (emu) => {
    const token = await emu.token();
    const [running, done] = [await emu.seed('InProgress'), await emu.seed('Succeeded')];
    const at = async (path: string, id: unknown) =>
      (await emu.call('GET', `${path}/machineactions/${String(id)}`, { token })).json().status;
    expect(await at('/api/v1.0', running.id)).toBe('Pending');
    expect(await at('/api', running.id)).toBe('InProgress');
    expect(await at('/api/v1.0', done.id)).toBe('Succeeded');
  },
);

smoke(
  'versioned-get-non-scan-404',
  'a GET under /api/v1.0 of an Isolate action answers 404; of a scan 200; under /api both 200',
  async (emu) => {
    const token = await emu.token();
    const isolate = await emu.seed('Pending', { type: 'Isolate', machineId: 'c'.repeat(40) });
    const scan = await emu.seed('Pending');
    const at = async (path: string, id: unknown) =>
      (await emu.call('GET', `${path}/machineactions/${String(id)}`, { token, unchecked: true })).statusCode;
    expect(await at('/api/v1.0', isolate.id)).toBe(404);
    expect(await at('/api', isolate.id)).toBe(200);
    expect(await at('/api/v1.0', scan.id)).toBe(200);
  },
);
