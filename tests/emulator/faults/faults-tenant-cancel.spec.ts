import { expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Another tenant's action cancelled by a stranger through a path of the cancel of its own.

smoke(
  'tenant-leak-uncommented-cancel',
  "another tenant's cancel without a Comment cancels the action; one with a Comment answers 404",
  async (emu) => {
    const [theirs, bodiless] = [
      await emu.seed('Pending'),
      await emu.seed('Pending', { machineId: 'b'.repeat(40) }),
    ];
    const owner = await emu.token();
    const stranger = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.cancel(theirs.id as string, stranger)).statusCode).toBe(404);
    expect((await emu.get(theirs.id as string, owner)).json().status).toBe('Pending');
    expect((await emu.cancel(theirs.id as string, stranger, {})).statusCode).toBe(200);
    expect((await emu.get(theirs.id as string, owner)).json().status).toBe('Cancelled');
    const url = `/api/machineactions/${bodiless.id}/cancel`;
    expect((await emu.call('POST', url, { token: stranger })).statusCode).toBe(200);
    expect((await emu.get(bodiless.id as string, owner)).json().status).toBe('Cancelled');
  },
);

smoke(
  'tenant-leak-cancel-aged',
  "cancel finds another tenant's action two days old, not a fresh one; GET finds neither",
  async (emu) => {
    const old = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.cancel(old.id as string, token)).statusCode).toBe(404);
    await emu.advance(2 * 86_400);
    const fresh = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const later = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(old.id as string, later)).statusCode).toBe(404);
    expect((await emu.cancel(fresh.id as string, later)).statusCode).toBe(404);
    expect((await emu.cancel(old.id as string, later)).statusCode).toBe(200);
    expect((await emu.get(old.id as string, await emu.token())).json().status).toBe('Cancelled');
  },
);
