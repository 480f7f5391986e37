import { errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Which roles may cancel, and how a missing role is refused.

smoke(
  'role-refused-liveresponse',
  'Machine.LiveResponse alone cannot cancel; Machine.Scan can',
  async (emu) => {
    const action = await emu.seed('Pending');
    expect(
      (await emu.cancel(action.id as string, await emu.token(['Machine.LiveResponse']))).statusCode,
    ).toBe(403);
    expect((await emu.cancel(action.id as string, await emu.token(['Machine.Scan']))).statusCode).toBe(200);
  },
);

smoke('read-only-can-cancel', 'Machine.Read.All alone cancels', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.cancel(action.id as string, await emu.token(['Machine.Read.All']))).statusCode).toBe(200);
});

smoke('forbidden-wrong-code', "a missing role answers 403 with code 'Unauthorized'", async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(['Machine.Read.All']));
  expect(res.statusCode).toBe(403);
  expect(errorCode(res)).toBe('Unauthorized');
});

smoke(
  'no-roles-can-cancel',
  'a token with no role cancels; one with only a read role is refused',
  async (emu) => {
    const none = await emu.token([]);
    const reader = await emu.token(['Machine.Read.All']);
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, reader)).statusCode).toBe(403);
    expect((await emu.cancel(action.id as string, none)).statusCode).toBe(200);
    expect((await emu.get(action.id as string, reader)).json().status).toBe('Cancelled');
  },
);

smoke(
  'read-only-can-cancel-versioned',
  'Machine.Read.All alone cancels under /api/v1.0 and is refused under /api',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token(['Machine.Read.All']);
    const call = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/${action.id}/cancel`, { token, body: {} });
    expect((await call('/api')).statusCode).toBe(403);
    expect((await call('/api/v1.0')).statusCode).toBe(200);
  },
);

smoke(
  'cancel-first-role-only',
  'Machine.Isolate after Machine.Read.All cannot cancel; listed first, or read with a GET, it can',
  async (emu) => {
    const action = await emu.seed('Pending');
    const readFirst = await emu.token(['Machine.Read.All', 'Machine.Isolate']);
    expect((await emu.cancel(action.id as string, readFirst)).statusCode).toBe(403);
    expect((await emu.get(action.id as string, readFirst)).statusCode).toBe(200);
    const isolateFirst = await emu.token(['Machine.Isolate', 'Machine.Read.All']);
    expect((await emu.cancel(action.id as string, isolateFirst)).statusCode).toBe(200);
  },
);

smoke(
  'read-roles-together-can-cancel',
  'Machine.Read.All with Machine.ReadWrite.All cancels; either alone is refused',
  async (emu) => {
    const action = await emu.seed('Pending');
    for (const role of ['Machine.Read.All', 'Machine.ReadWrite.All'])
      expect((await emu.cancel(action.id as string, await emu.token([role]))).statusCode).toBe(403);
    const both = await emu.token(['Machine.ReadWrite.All', 'Machine.Read.All']);
    expect((await emu.cancel(action.id as string, both)).statusCode).toBe(200);
  },
);

smoke(
  'cancel-denies-read-roles-only',
  'Alert.Read.All beside the read roles cancels; the read roles alone, or none, are refused',
  async (emu) => {
    const action = await emu.seed('Pending');
    for (const roles of [['Machine.Read.All', 'Machine.ReadWrite.All'], []])
      expect((await emu.cancel(action.id as string, await emu.token(roles))).statusCode).toBe(403);
    const alerts = await emu.token(['Machine.Read.All', 'Alert.Read.All']);
    expect((await emu.cancel(action.id as string, alerts)).statusCode).toBe(200);
  },
);

smoke(
  'cancel-role-of-type',
  'Machine.Scan alone cancels a scan but not an Isolate action, which Machine.Isolate cancels',
  async (emu) => {
    const scanner = await emu.token(['Machine.Scan']);
    const scan = await emu.seed('Pending');
    expect((await emu.cancel(scan.id as string, scanner)).json().status).toBe('Cancelled');
    const isolation = await emu.seed('Pending', { type: 'Isolate', scope: 'Full' });
    const refused = await emu.cancel(isolation.id as string, scanner);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'Forbidden']);
    const isolator = await emu.token(['Machine.Isolate']);
    expect((await emu.cancel(isolation.id as string, isolator)).json().status).toBe('Cancelled');
  },
);

smoke(
  'non-scan-cancel-role-unchecked',
  'Machine.Read.All alone cancels an Isolate action and is refused a scan',
  async (emu) => {
    const reader = await emu.token(['Machine.Read.All']);
    const scan = await emu.seed('Pending');
    const isolation = await emu.seed('Pending', { type: 'Isolate', machineId: 'b'.repeat(40) });
    expect((await emu.cancel(scan.id as string, reader)).statusCode).toBe(403);
    expect((await emu.cancel(isolation.id as string, reader)).statusCode).toBe(200);
    expect((await emu.get(isolation.id as string, reader)).json().status).toBe('Cancelled');
  },
);

smoke(
  'uncommented-cancel-role-unchecked',
  'Machine.Read.All alone cancels with {} and is refused with a Comment',
  async (emu) => {
    const reader = await emu.token(['Machine.Read.All']);
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, reader)).statusCode).toBe(403);
    expect((await emu.cancel(action.id as string, reader, {})).statusCode).toBe(200);
    expect((await emu.get(action.id as string, reader)).json().status).toBe('Cancelled');
  },
);

smoke(
  'bodiless-cancel-role-unchecked',
  'Machine.Read.All alone cancels without a body and is refused with {}',
  async (emu) => {
    const reader = await emu.token(['Machine.Read.All']);
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, reader, {})).statusCode).toBe(403);
    const bodiless = await emu.call('POST', `/api/machineactions/${action.id}/cancel`, { token: reader });
    expect(bodiless.statusCode).toBe(200);
    expect((await emu.get(action.id as string, reader)).json().status).toBe('Cancelled');
  },
);
