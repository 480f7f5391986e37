import { expect, MACHINE, test } from '../emulator-fixture.ts';

test.describe('cancel of an active action', () => {
  for (const [article, status] of [
    ['a', 'Pending'],
    ['an', 'InProgress'],
  ] as const) {
    test(`cancel of ${article} ${status} action answers 200 with the same id, Cancelled and the cancellation fields`, async ({
      emu,
    }) => {
      const action = await emu.seed(status);
      await emu.advance(5);
      const token = await emu.token(['Machine.Scan', 'Machine.Read.All']);
      const res = await emu.cancel(action.id as string, token, { Comment: 'stop it' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ id: action.id, status: 'Cancelled', cancellationComment: 'stop it' });
      expect(body.cancellationRequestor).toMatch(/^app-/);
      expect(Date.parse(body.cancellationDateTimeUtc)).toBeGreaterThan(Date.parse(body.creationDateTimeUtc));
      expect(body.lastUpdateDateTimeUtc).toBe(body.cancellationDateTimeUtc);
      expect(body['@odata.context']).toMatch(/\/api\/\$metadata#MachineActions\/\$entity$/);
    });
  }

  test('the cancel persists: GET shows the cancelled action', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const cancelled = (await emu.cancel(action.id as string, token)).json();
    const read = (await emu.get(action.id as string, token)).json();
    expect(read).toEqual(cancelled);
  });

  test('the answer has all 21 keys of a real MachineAction, in the real order', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const body = (await emu.cancel(action.id as string, await emu.token())).json();
    expect(Object.keys(body)).toEqual([
      '@odata.context',
      'id',
      'type',
      'title',
      'requestor',
      'requestorComment',
      'status',
      'machineId',
      'computerDnsName',
      'creationDateTimeUtc',
      'lastUpdateDateTimeUtc',
      'cancellationRequestor',
      'cancellationComment',
      'cancellationDateTimeUtc',
      'errorHResult',
      'scope',
      'externalId',
      'requestSource',
      'relatedFileInfo',
      'commands',
      'troubleshootInfo',
    ]);
    expect(body.creationDateTimeUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  test('a cancel without a body is accepted and records no comment', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.call('POST', `/api/machineactions/${action.id}/cancel`, {
      token: await emu.token(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancellationComment).toBeNull();
  });

  test('the versioned path /api/v1.0 cancels the same way, and routing ignores case', async ({ emu }) => {
    const token = await emu.token();
    const one = await emu.seed('Pending');
    const two = await emu.seed('Pending', { type: 'Isolate' });
    expect(
      (await emu.call('POST', `/api/v1.0/machineactions/${one.id}/cancel`, { token, body: {} })).statusCode,
    ).toBe(200);
    expect(
      (await emu.call('POST', `/API/MachineActions/${two.id}/Cancel`, { token, body: {} })).statusCode,
    ).toBe(200);
  });

  test('cancel frees the device: a new action of the same type is accepted', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    expect((await emu.scan(token)).statusCode).toBe(400);
    expect((await emu.cancel(first.id, token)).statusCode).toBe(200);
    const second = await emu.scan(token);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.id);
    expect(second.json().machineId).toBe(MACHINE);
  });
});
