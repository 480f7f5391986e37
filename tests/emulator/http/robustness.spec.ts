import { errorCode, expect, test } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

test.describe('robustness', () => {
  test('a body over 64 KiB answers 413 with the error envelope', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const res = await emu.cancel(action.id as string, await emu.token(), { Comment: 'x'.repeat(70_000) });
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('RequestEntityTooLarge');
  });

  test('an unknown route answers 404 NotFound with the envelope', async ({ emu }) => {
    for (const url of ['/', '/api', '/api/machines', '/api/alerts', '/_emulator/nothing']) {
      const res = await emu.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(errorCode(res)).toBe('NotFound');
    }
  });

  test('a wrong method on a known path answers 405 with Allow', async ({ emu }) => {
    const id = '00000000-0000-0000-0000-000000000000';
    for (const [method, url, allow] of [
      ['GET', `/api/machineactions/${id}/cancel`, 'POST'],
      ['DELETE', `/api/machineactions/${id}`, 'GET, HEAD'],
      ['PUT', '/api/v1.0/machineactions', 'GET, HEAD'],
      // The token endpoint's 405 is Entra-shaped (token-body-limit.spec.ts).
    ] as const) {
      const res = await emu.app.inject({ method, url });
      expect(res.statusCode, url).toBe(405);
      expect(errorCode(res)).toBe('MethodNotAllowed');
      expect(res.headers['allow']).toBe(allow);
    }
  });

  test('a URL that cannot be decoded answers 400 with the envelope', async ({ emu }) => {
    const res = await emu.app.inject({ method: 'GET', url: '/api/machineactions/%zz' });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('BadRequest');
  });

  test('odd bodies and headers never answer 5xx', async ({ emu }) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const bodies = [
      '',
      ' ',
      '{}',
      '[]',
      '0',
      'true',
      '{"Comment":{"a":1}}',
      '{"__proto__":{"x":1}}',
      '\u0000',
      '{"Comment":"\ud800"}',
    ];
    for (const body of bodies) {
      const res = await emu.cancel(action.id as string, token, body, {
        headers: { 'content-type': 'application/json' },
        unchecked: true,
      });
      expect(res.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
    for (const authorization of [
      'Bearer',
      'Bearer ' + 'a'.repeat(5000),
      'Bearer a.b',
      'Bearer ..',
      'Bearer e30.e30.e30',
    ]) {
      const res = await emu.call('GET', '/api/machineactions', { headers: { authorization } });
      expect(res.statusCode, authorization.slice(0, 20)).toBe(401);
    }
  });

  test('the store keeps at most maxActionsPerTenant actions, evicting the oldest final one first', async () => {
    const { buildApp } = await import('../../../src/emulator/index.ts');
    const { Emu } = await import('../emulator-fixture.ts');
    const app = await buildApp({ maxActionsPerTenant: 3 }, await testKeys());
    const emu = new Emu(app);
    try {
      const active = await emu.seed('Pending');
      const done = await emu.seed('Succeeded');
      await emu.seed('Pending');
      await emu.seed('Pending');
      const token = await emu.token();
      expect((await emu.get(done.id as string, token)).statusCode).toBe(404);
      expect((await emu.get(active.id as string, token)).statusCode).toBe(200);
      expect((await emu.call('GET', '/api/machineactions', { token })).json().value).toHaveLength(3);
    } finally {
      await app.close();
    }
  });

  test('trailing slashes are ignored', async ({ emu }) => {
    const res = await emu.call('GET', '/api/machineactions/', { token: await emu.token() });
    expect(res.statusCode).toBe(200);
  });
});
