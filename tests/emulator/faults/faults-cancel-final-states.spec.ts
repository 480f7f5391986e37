import { errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// A cancel of an action in a final state: refused, cancelled, or a server error.

smoke('final-state-cancellable', 'a Succeeded action is cancelled; TimeOut is still refused', async (emu) => {
  const token = await emu.token();
  const done = await emu.seed('Succeeded');
  expect((await emu.cancel(done.id as string, token)).json().status).toBe('Cancelled');
  expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).statusCode).toBe(400);
});

smoke(
  'final-state-500',
  'a Failed action answers 500 with the envelope; TimeOut is still 400',
  async (emu) => {
    const token = await emu.token();
    const res = await emu.cancel((await emu.seed('Failed')).id as string, token);
    expect(res.statusCode).toBe(500);
    expect(errorCode(res)).toBe('InternalServerError');
    expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).statusCode).toBe(400);
  },
);

smoke('final-state-200-unchanged', 'a Cancelled action answers 200 unchanged', async (emu) => {
  const action = await emu.seed('Cancelled');
  const token = await emu.token();
  const before = (await emu.get(action.id as string, token)).json();
  const res = await emu.cancel(action.id as string, token);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual(before);
});

smoke('timeout-cancellable', 'a TimeOut action is cancelled; Succeeded is still refused', async (emu) => {
  const token = await emu.token();
  expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).json().status).toBe('Cancelled');
  expect((await emu.cancel((await emu.seed('Succeeded')).id as string, token)).statusCode).toBe(400);
});

smoke('final-cancel-applied-late', 'a refused cancel of a Succeeded action shows 5 s later', async (emu) => {
  const token = await emu.token();
  const done = await emu.seed('Succeeded');
  expect((await emu.cancel(done.id as string, token)).statusCode).toBe(400);
  expect((await emu.get(done.id as string, token)).json().status).toBe('Succeeded');
  await emu.advance(5);
  expect((await emu.get(done.id as string, token)).json().status).toBe('Cancelled');
});

smoke(
  'final-cancel-applied-after-backoff',
  'a refused cancel of a Succeeded action still reads Succeeded past the bounded wait, and Cancelled 5 min later',
  async (emu) => {
    const token = await emu.token();
    const done = await emu.seed('Succeeded');
    expect((await emu.cancel(done.id as string, token)).statusCode).toBe(400);
    await emu.advance(60);
    expect((await emu.get(done.id as string, token)).json().status).toBe('Succeeded');
    await emu.advance(240);
    expect((await emu.get(done.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'own-cancel-retry-200',
  "the app that cancelled an action gets 200 again; another app's cancel, or a seeded Cancelled one's, is refused",
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const first = (await emu.cancel(action.id as string, token, { Comment: 'first' })).json();
    const again = await emu.cancel(action.id as string, token, { Comment: 'second' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first);
    expect(
      (await emu.cancel(action.id as string, await emu.token(), { Comment: 'other app' })).statusCode,
    ).toBe(400);
    expect((await emu.cancel((await emu.seed('Cancelled')).id as string, token)).statusCode).toBe(400);
  },
);

smoke(
  'finished-cancellable',
  'a scan that finished by itself is cancelled; a seeded Succeeded one is refused',
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    await emu.advance(600);
    expect((await emu.get(created.id, token)).json().status).toBe('Succeeded');
    expect((await emu.cancel(created.id, token)).json().status).toBe('Cancelled');
    const seeded = await emu.seed('Succeeded');
    expect((await emu.cancel(seeded.id as string, token)).statusCode).toBe(400);
  },
);

smoke(
  'final-check-scans-only',
  'a Succeeded Isolate action is cancelled; a Succeeded scan is still refused',
  async (emu) => {
    const token = await emu.token();
    const isolation = await emu.seed('Succeeded', { type: 'Isolate', scope: 'Full' });
    expect((await emu.cancel(isolation.id as string, token)).json().status).toBe('Cancelled');
    const scan = await emu.seed('Succeeded');
    expect((await emu.cancel(scan.id as string, token)).statusCode).toBe(400);
  },
);

smoke(
  'final-check-scan-and-isolate-only',
  'a TimeOut package collection is cancelled; a TimeOut isolation is still refused',
  async (emu) => {
    const token = await emu.token();
    const collection = await emu.seed('TimeOut', { type: 'CollectInvestigationPackage' });
    expect((await emu.cancel(collection.id as string, token)).json().status).toBe('Cancelled');
    const isolation = await emu.seed('TimeOut', { type: 'Isolate', scope: 'Full' });
    expect((await emu.cancel(isolation.id as string, token)).statusCode).toBe(400);
  },
);

smoke(
  'stale-active-cancel-ignored',
  'a cancel of an action two days old answers 200 as it was and never shows; a new one is cancelled',
  async (emu) => {
    const token = await emu.token();
    const old = await emu.seed('Pending');
    await emu.advance(2 * 86_400);
    const renewed = await emu.renew(token);
    const answer = await emu.cancel(old.id as string, renewed);
    expect([answer.statusCode, answer.json().status]).toEqual([200, 'Pending']);
    await emu.advance(60);
    const later = await emu.renew(renewed);
    expect((await emu.get(old.id as string, later)).json().status).toBe('Pending');
    const young = await emu.seed('Pending');
    expect((await emu.cancel(young.id as string, later)).json().status).toBe('Cancelled');
  },
);

smoke(
  'final-cancel-listed-cancelled',
  'a refused cancel of a Succeeded action leaves its GET as it was, but the list shows it Cancelled',
  async (emu) => {
    const token = await emu.token();
    const done = await emu.seed('Succeeded');
    const id = done.id as string;
    const listed = async () =>
      (await emu.call('GET', `/api/machineactions?$filter=id eq '${id}'`, { token })).json().value[0]
        .status as string;
    expect(await listed()).toBe('Succeeded');
    expect((await emu.cancel(id, token)).statusCode).toBe(400);
    expect((await emu.get(id, token)).json().status).toBe('Succeeded');
    expect(await listed()).toBe('Cancelled');
  },
);

smoke(
  'final-state-uncommented-cancellable',
  'a Succeeded action cancelled without a Comment turns Cancelled; with a Comment it is refused',
  async (emu) => {
    const token = await emu.token();
    const [done, kept] = [await emu.seed('Succeeded'), await emu.seed('Failed')];
    expect((await emu.cancel(kept.id as string, token)).statusCode).toBe(400);
    const res = await emu.cancel(done.id as string, token, {});
    expect(res.statusCode).toBe(200);
    expect((await emu.get(done.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'identical-cancel-retry-200',
  'the app that cancelled an action gets 200 again for the same Comment; another Comment, or another app, is refused',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const first = (await emu.cancel(action.id as string, token, { Comment: 'first' })).json();
    expect((await emu.cancel(action.id as string, token, { Comment: 'second' })).statusCode).toBe(400);
    const again = await emu.cancel(action.id as string, token, { Comment: 'first' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first);
    const other = await emu.cancel(action.id as string, await emu.token(), { Comment: 'first' });
    expect(other.statusCode).toBe(400);
  },
);
