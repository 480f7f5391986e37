import { errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// What a cancel records, and what it leaves undone, whatever its 200 says.

smoke('cancel-requestor-empty', 'the cancel records an empty cancellationRequestor', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.cancel(action.id as string, await emu.token())).json().cancellationRequestor).toBe('');
});

smoke('cancel-date-before-creation', 'cancellationDateTimeUtc lies before creation', async (emu) => {
  const action = await emu.seed('Pending');
  const body = (await emu.cancel(action.id as string, await emu.token())).json();
  expect(Date.parse(body.cancellationDateTimeUtc)).toBeLessThan(Date.parse(body.creationDateTimeUtc));
});

smoke(
  'cancel-not-persisted',
  'the 200 says Cancelled but GET still shows Pending and the device stays busy',
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    expect((await emu.cancel(created.id, token)).json().status).toBe('Cancelled');
    expect((await emu.get(created.id, token)).json().status).toBe('Pending');
    expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
  },
);

smoke('reopen-blocked', 'after a cancel the device still refuses the same type', async (emu) => {
  await emu.machine();
  const token = await emu.token();
  const first = (await emu.scan(token)).json();
  await emu.cancel(first.id, token);
  expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
});

smoke(
  'cancel-carried-to-next-on-device',
  'the next scan on the device is answered 201 Pending and stored Cancelled with the earlier comment',
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    await emu.cancel(first.id, token, { Comment: 'first' });
    const next = await emu.scan(token);
    expect(next.statusCode).toBe(201);
    expect(next.json().status).toBe('Pending');
    const stored = (await emu.get(next.json().id, token)).json();
    expect([stored.status, stored.cancellationComment]).toEqual(['Cancelled', 'first']);
  },
);

smoke(
  'uncommented-cancel-ignored',
  'a cancel with {} answers 200 and changes nothing; one with a Comment cancels',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    expect((await emu.cancel(bare.id as string, token, {})).statusCode).toBe(200);
    expect((await emu.get(bare.id as string, token)).json().status).toBe('Pending');
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(commented.id as string, token);
    expect((await emu.get(commented.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'uncommented-cancel-not-stored',
  'a cancel with {} answers 200 Cancelled but stays Pending; one with a Comment cancels',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    expect((await emu.cancel(bare.id as string, token, {})).json().status).toBe('Cancelled');
    expect((await emu.get(bare.id as string, token)).json().status).toBe('Pending');
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(commented.id as string, token);
    expect((await emu.get(commented.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'inprogress-cancel-not-stored',
  'an InProgress cancel answers Cancelled but stays InProgress',
  async (emu) => {
    const token = await emu.token();
    const running = await emu.seed('InProgress');
    expect((await emu.cancel(running.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(running.id as string, token)).json().status).toBe('InProgress');
    const pending = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(pending.id as string, token);
    expect((await emu.get(pending.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'cancel-oldest-on-device',
  "a cancel answers the named action Cancelled but cancels the device's older active action",
  async (emu) => {
    const token = await emu.token();
    const older = await emu.seed('Pending', { type: 'Isolate' });
    const named = await emu.seed('Pending');
    const res = await emu.cancel(named.id as string, token);
    expect(res.json()).toMatchObject({ id: named.id, status: 'Cancelled' });
    expect((await emu.get(named.id as string, token)).json().status).toBe('Pending');
    expect((await emu.get(older.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'get-cached',
  'a GET under /api keeps showing an action as first read there; under /api/v1.0 it shows the cancel',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
    expect((await emu.cancel(action.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
    const versioned = `/api/v1.0/machineactions/${action.id}`;
    expect((await emu.call('GET', versioned, { token })).json().status).toBe('Cancelled');
  },
);
