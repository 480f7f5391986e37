import { decodeJwt } from 'jose';
import {
  startIndependentEmulator,
  VARIANTS,
  type VariantName,
} from '../../src/selftest/independent-emulator/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { pendingScan, post } from './independent-session.ts';

// The independent emulator (src/selftest/independent-emulator) is what the suite is checked against
// beside the reference one: each variant must at least issue a token and cancel an action.
for (const name of Object.keys(VARIANTS) as VariantName[]) {
  test(`variant ${name}: a token, then a cancel round trip`, async () => {
    const emulator = await startIndependentEmulator(name, {
      clockStart: new Date('2026-03-01T10:00:00.250Z'),
    });
    try {
      const { url } = emulator;
      const { tenantId, app, id, tokenAnswer: tokenRes } = await pendingScan(url, 'a'.repeat(40));
      expect(tokenRes.status).toBe(200);
      const token = (await tokenRes.json()) as {
        token_type: string;
        expires_in: number;
        access_token: string;
      };
      expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
      const claims = decodeJwt(token.access_token);
      expect(claims).toMatchObject({
        tid: tenantId,
        appid: app.clientId,
        roles: ['Machine.Scan', 'Machine.Read.All'],
        aud: 'https://api.securitycenter.microsoft.com',
        iss: `https://sts.windows.net/${tenantId}/`,
        iat: Date.parse('2026-03-01T10:00:00Z') / 1000,
      });

      const authorization = `Bearer ${token.access_token}`;
      const cancel = await fetch(`${url}/api/machineactions/${id}/cancel`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ Comment: 'unit test' }),
      });
      expect(cancel.status).toBe(200);
      expect(((await cancel.json()) as { id: string }).id).toBe(id);
      // A variant that shows the cancel only later (cancelShowsAfterMs): let that virtual time pass.
      const showsAfter = VARIANTS[name].cancelShowsAfterMs;
      if (showsAfter > 0)
        expect((await post(`${url}/_emulator/clock/advance`, { seconds: showsAfter / 1000 })).status).toBe(
          200,
        );
      const read = await fetch(`${url}/api/v1.0/machineactions/${id}`, { headers: { authorization } });
      expect(await read.json()).toMatchObject({ id, status: 'Cancelled', cancellationComment: 'unit test' });

      // A second cancel meets a final action: refused, with the variant's reading of final-state-cancel.
      const again = await fetch(`${url}/api/machineactions/${id}/cancel`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ Comment: 'again' }),
      });
      expect(again.status).toBe(VARIANTS[name].finalStateCancel.status);

      // The token lives 3599 s on the virtual clock, moved only by the control protocol.
      expect((await post(`${url}/_emulator/clock/advance`, { seconds: 3600 })).status).toBe(200);
      const expired = await fetch(`${url}/api/machineactions/${id}`, { headers: { authorization } });
      expect(expired.status).toBe(401);
    } finally {
      await emulator.close();
    }
  });
}
