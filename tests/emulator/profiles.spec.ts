import { randomUUID } from 'node:crypto';
import { buildApp, PROFILES } from '../../src/emulator/index.ts';
import { errorCode, expect, MACHINE, test } from './emulator-fixture.ts';

test.describe('profile catalogue', () => {
  test('ships default, strict-odata, async-cancel and lenient', () => {
    expect(Object.keys(PROFILES).sort()).toEqual(['async-cancel', 'default', 'lenient', 'strict-odata']);
  });

  test('an unknown profile is refused with the known names', async () => {
    await expect(buildApp({ profile: 'chaos' })).rejects.toThrow(
      'Unknown profile "chaos". Known profiles: default, strict-odata, async-cancel, lenient.',
    );
  });
});

test.describe('strict-odata', () => {
  test.use({ emulatorOptions: { profile: 'strict-odata' } });

  test('unknown ids answer 404 ResourceNotFound; malformed ids 400 InvalidInput', async ({ emu }) => {
    const token = await emu.token();
    expect(errorCode(await emu.cancel(randomUUID(), token))).toBe('ResourceNotFound');
    const bad = await emu.cancel('not-a-guid', token);
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('InvalidInput');
  });

  test('a cancel without Comment answers 400 MissingRequiredParameter and changes nothing', async ({
    emu,
  }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token, {});
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MissingRequiredParameter');
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  });

  test('final states answer 400 InvalidInput', async ({ emu }) => {
    const action = await emu.seed('Succeeded');
    expect(errorCode(await emu.cancel(action.id as string, await emu.token()))).toBe('InvalidInput');
  });

  test('API answers carry the OData content type and OData-Version', async ({ emu }) => {
    const res = await emu.call('GET', '/api/machineactions', { token: await emu.token() });
    expect(res.headers['content-type']).toBe(
      'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
    );
    expect(res.headers['odata-version']).toBe('4.0');
  });
});

test.describe('async-cancel', () => {
  test.use({ emulatorOptions: { profile: 'async-cancel' } });

  test('the 200 shows the action before the cancel; the next GET shows it Cancelled', async ({ emu }) => {
    const action = await emu.seed('InProgress');
    const token = await emu.token();
    const res = await emu.cancel(action.id as string, token, { Comment: 'later' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: action.id, status: 'InProgress', cancellationComment: null });
    const read = (await emu.get(action.id as string, token)).json();
    expect(read).toMatchObject({ status: 'Cancelled', cancellationComment: 'later' });
  });

  test('final states answer 409 Conflict', async ({ emu }) => {
    const action = await emu.seed('Cancelled');
    const res = await emu.cancel(action.id as string, await emu.token());
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('Conflict');
  });

  test('the device is free right after the cancel', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    await emu.cancel(first.id, token);
    expect((await emu.scan(token)).statusCode).toBe(201);
  });
});

test.describe('lenient', () => {
  test.use({ emulatorOptions: { profile: 'lenient' } });

  test('a JSON body without Content-Type is accepted', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":"no type"}');
    expect(res.statusCode).toBe(200);
    expect(res.json().cancellationComment).toBe('no type');
  });

  test('a wrong Content-Type answers 400, and errors carry no target', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), '{}', {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.target).toBeUndefined();
  });

  test('a duplicate create answers 201 with the existing action', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const first = (await emu.scan(token)).json();
    const second = await emu.scan(token);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.id);
  });

  test('entities carry no @odata.context', async ({ emu }) => {
    await emu.machine();
    const res = await emu.scan(await emu.token());
    expect(res.json()['@odata.context']).toBeUndefined();
    expect(res.json().machineId).toBe(MACHINE);
  });
});
