import { expect, test } from '../emulator-fixture.ts';

test.describe('lifecycle of created actions (no timers: computed when read)', () => {
  test.use({ emulatorOptions: { lifecycle: { pendingSeconds: 30, inProgressSeconds: 120 } } });

  test('a created action goes Pending, InProgress after 30 s, Succeeded after 150 s', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    await emu.advance(29);
    expect((await emu.get(created.id, token)).json().status).toBe('Pending');
    await emu.advance(1);
    const inProgress = (await emu.get(created.id, token)).json();
    expect(inProgress.status).toBe('InProgress');
    expect(Date.parse(inProgress.lastUpdateDateTimeUtc) - Date.parse(created.creationDateTimeUtc)).toBe(
      30_000,
    );
    await emu.advance(120);
    const done = (await emu.get(created.id, token)).json();
    expect(done.status).toBe('Succeeded');
    expect(Date.parse(done.lastUpdateDateTimeUtc) - Date.parse(created.creationDateTimeUtc)).toBe(150_000);
  });

  test('a jump past both durations lands on Succeeded directly', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    await emu.advance(3000);
    expect((await emu.get(created.id, token)).json().status).toBe('Succeeded');
  });

  test('an InProgress action can be cancelled; a Succeeded one cannot', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    await emu.advance(60);
    expect((await emu.cancel(first.id, token)).json().status).toBe('Cancelled');
    const second = (await emu.scan(token)).json();
    await emu.advance(600);
    expect((await emu.cancel(second.id, token)).statusCode).toBe(400);
  });

  test('a cancelled action stays Cancelled however far the clock moves', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    await emu.cancel(created.id, token);
    await emu.advance(10_000);
    expect((await emu.get(created.id, await emu.token())).json().status).toBe('Cancelled');
  });

  test('seeded actions keep their status while the clock moves', async ({ emu }) => {
    const seeded = await emu.seed('Pending');
    await emu.advance(86_400);
    expect((await emu.get(seeded.id as string, await emu.token())).json().status).toBe('Pending');
  });

  test('the list shows progressed statuses too', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    await emu.scan(token);
    await emu.advance(45);
    const list = (await emu.call('GET', '/api/machineactions', { token })).json();
    expect(list.value[0].status).toBe('InProgress');
  });
});
