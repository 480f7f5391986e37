import {
  startIndependentEmulator,
  VARIANTS,
  type VariantName,
} from '../../src/selftest/independent-emulator/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { pendingScan } from './independent-session.ts';

// Whether /api/v1.0 counts in /api's windows is open (docs/contract.md#rate-limit-keying) and the
// reference emulator shares them: so that the self-test runs the suite against the other reading too,
// variant a keeps windows of its own under the prefix, variant b shares them.
for (const name of Object.keys(VARIANTS) as VariantName[]) {
  const own = VARIANTS[name].versionedWindows === 'own';
  test(`variant ${name}: /api/v1.0 ${own ? 'has windows of its own' : "shares /api's windows"}`, async () => {
    const emulator = await startIndependentEmulator(name, {
      clockStart: new Date('2026-03-01T10:00:02.000Z'),
    });
    try {
      const { url } = emulator;
      const { tokenAnswer } = await pendingScan(url, 'b'.repeat(40));
      const { access_token } = (await tokenAnswer.json()) as { access_token: string };
      const cancel = (prefix: string) =>
        fetch(`${url}${prefix}/machineactions/${crypto.randomUUID()}/cancel`, {
          method: 'POST',
          headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ Comment: 'unit test' }),
        });
      for (let i = 0; i < 100; i++) expect((await cancel('/api')).status).toBe(404);
      expect((await cancel('/api')).status).toBe(429);
      expect((await cancel('/api/v1.0')).status).toBe(own ? 404 : 429);
    } finally {
      await emulator.close();
    }
  });
}
