import { randomUUID } from 'node:crypto';
import { errorCode, expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Ids that name no action, answered wrongly in one form or under one prefix alone; and ids written in
// upper case, looked up apart.

smoke(
  'versioned-get-unknown-200',
  'a GET of an unknown id answers 404 under /api and 200 under /api/v1.0',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    expect((await emu.call('GET', `/api/machineactions/${id}`, { token })).statusCode).toBe(404);
    const versioned = await emu.call('GET', `/api/v1.0/machineactions/${id}`, { token });
    expect(versioned.json()).toMatchObject({ id, status: 'Pending' });
  },
);

smoke(
  'versioned-malformed-id-500',
  'a cancel of a malformed id answers 404 under /api and 500 under /api/v1.0',
  async (emu) => {
    const token = await emu.token();
    const cancel = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/not-a-guid/cancel`, { token, body: { Comment: 'x' } });
    expect((await cancel('/api')).statusCode).toBe(404);
    expect(errorCode(await cancel('/api/v1.0'))).toBe('InternalServerError');
  },
);

smoke(
  'versioned-get-malformed-id-500',
  'a GET of a malformed id answers 404 under /api and 500 under /api/v1.0',
  async (emu) => {
    const token = await emu.token();
    const read = (prefix: string) => emu.call('GET', `${prefix}/machineactions/not-a-guid`, { token });
    expect((await read('/api')).statusCode).toBe(404);
    expect(errorCode(await read('/api/v1.0'))).toBe('InternalServerError');
  },
);

smoke(
  'uppercase-unknown-id-500',
  'a cancel of an unknown id answers 404 in lower case and 500 in upper case',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    expect((await emu.cancel(id, token)).statusCode).toBe(404);
    expect((await emu.cancel(id.toUpperCase(), token)).statusCode).toBe(500);
  },
);

smoke(
  'get-uppercase-unknown-id-500',
  'a GET of an unknown id answers 404 in lower case and 500 in upper case; its cancel 404 either way',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    expect((await emu.get(id, token)).statusCode).toBe(404);
    expect((await emu.get(id.toUpperCase(), token)).statusCode).toBe(500);
    expect((await emu.cancel(id.toUpperCase(), token)).statusCode).toBe(404);
  },
);

smoke(
  'get-notfound-wrong-code',
  'a GET of an unknown id answers 404 with a code of its own; a cancel of it 404 NotFound',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    const read = await emu.get(id, token);
    expect(read.statusCode).toBe(404);
    expect(errorCode(read)).toBe('MachineActionNotFound');
    expect(errorCode(await emu.cancel(id, token))).toBe('NotFound');
  },
);

smoke('get-malformed-id-500', 'a GET of a malformed id answers 500; a cancel of it 404', async (emu) => {
  const token = await emu.token();
  expect(errorCode(await emu.get('not-a-guid', token))).toBe('InternalServerError');
  expect((await emu.cancel('not-a-guid', token)).statusCode).toBe(404);
});

smoke(
  'tenant-leak-upper-case-id',
  'another tenant reads and cancels an action by its id in upper case; in lower case it gets 404',
  async (emu) => {
    const action = await emu.seed('Pending');
    const id = action.id as string;
    const stranger = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(id, stranger)).statusCode).toBe(404);
    expect((await emu.cancel(id, stranger)).statusCode).toBe(404);
    expect((await emu.get(id.toUpperCase(), stranger)).statusCode).toBe(200);
    expect((await emu.cancel(id.toUpperCase(), stranger)).json().status).toBe('Cancelled');
  },
);

smoke(
  'tenant-leak-list-upper-case-id',
  "another tenant's list filtered by an action's id in upper case shows it; in lower case it does not",
  async (emu) => {
    const id = (await emu.seed('Pending')).id as string;
    const stranger = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const listed = async (value: string) => {
      const url = `/api/machineactions?$filter=${encodeURIComponent(`id eq '${value}'`)}`;
      const res = await emu.call('GET', url, { token: stranger });
      return (res.json().value as { id: string }[]).map((row) => row.id);
    };
    expect(await listed(id)).toEqual([]);
    expect(await listed(id.toUpperCase())).toEqual([id]);
    expect((await emu.get(id.toUpperCase(), stranger)).statusCode).toBe(404);
  },
);

smoke(
  'cancelled-unknown-id-readable',
  'a GET of an unknown id answers 404 until a cancel names it, then 200 Cancelled',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    expect((await emu.get(id, token)).statusCode).toBe(404);
    expect((await emu.cancel(id, token)).statusCode).toBe(404);
    const read = await emu.get(id, token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, status: 'Cancelled' });
  },
);

smoke(
  'versioned-get-unknown-other-code',
  'a GET of an unknown id answers 404 NotFound under /api and 404 ResourceNotFound under /api/v1.0',
  async (emu) => {
    const token = await emu.token();
    const id = randomUUID();
    const plain = await emu.call('GET', `/api/machineactions/${id}`, { token });
    const versioned = await emu.call('GET', `/api/v1.0/machineactions/${id}`, { token });
    expect([plain.statusCode, errorCode(plain)]).toEqual([404, 'NotFound']);
    expect([versioned.statusCode, errorCode(versioned)]).toEqual([404, 'ResourceNotFound']);
  },
);

smoke(
  'versioned-cancel-id-cut-to-guid',
  "an action's id with a character appended is 404 under /api and cancels it under /api/v1.0",
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const appended = `${String(action.id)}0`;
    expect((await emu.cancel(appended, token)).statusCode).toBe(404);
    const versioned = await emu.call('POST', `/api/v1.0/machineactions/${appended}/cancel`, {
      token,
      body: { Comment: 'cancelled by test' },
    });
    expect(versioned.statusCode).toBe(200);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
  },
);

const NIL = '00000000-0000-0000-0000-000000000000';

smoke('get-nil-id-200', 'a GET of the nil GUID answers 200; of a random unknown id 404', async (emu) => {
  const token = await emu.token();
  expect((await emu.get(NIL, token)).json()).toMatchObject({ id: NIL, status: 'Pending' });
  expect((await emu.get(randomUUID(), token)).statusCode).toBe(404);
  expect((await emu.cancel(NIL, token)).statusCode).toBe(404);
});

smoke(
  'cancel-nil-id-200',
  'a cancel of the nil GUID answers 200; of a random unknown id 404',
  async (emu) => {
    const token = await emu.token();
    expect((await emu.cancel(NIL, token)).json()).toMatchObject({ id: NIL, status: 'Cancelled' });
    expect((await emu.cancel(randomUUID(), token)).statusCode).toBe(404);
    expect((await emu.get(NIL, token)).statusCode).toBe(404);
  },
);
