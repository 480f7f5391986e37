import { randomUUID } from 'node:crypto';
import { startEmulator } from '../../../src/emulator/index.ts';
import { errorCode, expect, MACHINE, test } from '../emulator-fixture.ts';
import { exchange } from '../http/http-client.ts';
import { testKeys } from '../test-keys.ts';

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

test.describe('conservative', () => {
  test.use({ emulatorOptions: { profile: 'conservative' } });

  test('final states answer 405 MethodNotAllowed with an empty Allow', async ({ emu }) => {
    const res = await emu.cancel((await emu.seed('Failed')).id as string, await emu.token());
    expect([res.statusCode, errorCode(res), res.headers['allow']]).toEqual([405, 'MethodNotAllowed', '']);
  });

  test('timestamps are whole seconds; Retry-After is an HTTP-date for the whole minute', async ({ emu }) => {
    await emu.advance(0.25);
    const token = await emu.token();
    expect((await emu.seed('Pending')).creationDateTimeUtc).toBe('2026-01-05T09:00:00Z');
    for (let i = 0; i < 100; i++) await emu.call('GET', '/api/machineactions', { token });
    const res = await emu.call('GET', '/api/machineactions', { token });
    // The clock-aligned window frees at 09:01:00; the whole window names 09:01:01 (rounded up).
    expect(res.headers['retry-after']).toBe('Mon, 05 Jan 2026 09:01:01 GMT');
  });
});

test.describe('front-door', () => {
  test('over HTTP: closed, chunked, innerError, WWW-Authenticate', async () => {
    const emulator = await startEmulator({ port: 0, profile: 'front-door' }, await testKeys());
    try {
      const seen = await exchange(`${emulator.url}/api/machineactions`);
      expect(seen).toMatchObject({ status: 401, closedAfter: true });
      expect(seen.headers).toMatchObject({ connection: 'close', 'transfer-encoding': 'chunked' });
      expect(seen.headers?.['www-authenticate']).toMatch(/^Bearer /);
      expect(JSON.parse(seen.body!).error.innerError.code).toBe('Unauthorized');
    } finally {
      await emulator.close();
    }
  });
});
