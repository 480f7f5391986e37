import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { startEmulator } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { testKeys } from '../test-keys.ts';

// A few checks over real HTTP: listening, the Date header, JSON answers and shutdown.
test.describe('startEmulator over HTTP', () => {
  test('listens on a free port of 127.0.0.1 and serves the whole flow', async () => {
    const emulator = await startEmulator({ port: 0 }, await testKeys());
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const tenantId = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';
      const post = (path: string, body: unknown) =>
        fetch(`${emulator.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect(
        (
          await post('/_emulator/apps', {
            tenantId,
            clientId: 'c',
            clientSecret: 's',
            roles: ['Machine.Scan'],
          })
        ).status,
      ).toBe(201);
      const seeded = (await (
        await post('/_emulator/machineactions', {
          tenantId,
          machineId: 'm',
          type: 'RunAntiVirusScan',
          status: 'Pending',
        })
      ).json()) as { id: string };
      const tokenRes = await fetch(`${emulator.url}/${tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'c',
          client_secret: 's',
          scope: DEFAULT_SCOPE,
        }),
      });
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const cancel = await fetch(`${emulator.url}/api/machineactions/${seeded.id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Comment: 'over http' }),
      });
      expect(cancel.status).toBe(200);
      expect(cancel.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Date.parse(cancel.headers.get('date')!)).not.toBeNaN();
      expect(((await cancel.json()) as { status: string }).status).toBe('Cancelled');
    } finally {
      await emulator.close();
    }
  });

  test('close() frees the port', async () => {
    const emulator = await startEmulator({ port: 0 }, await testKeys());
    await emulator.close();
    await expect(fetch(`${emulator.url}/_emulator/info`)).rejects.toThrow();
  });

  test('a port already in use rejects with EADDRINUSE', async () => {
    const first = await startEmulator({ port: 0 }, await testKeys());
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulator({ port }, await testKeys())).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
