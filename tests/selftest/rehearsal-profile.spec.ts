import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { startRehearsals } from '../../src/selftest/rehearsal/start-rehearsals.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// MDE_SELFTEST_REHEARSAL_PROFILE reaches the rehearsals' emulator: in `lagging` a call without a token
// is challenged (WWW-Authenticate), in the default profile it is not.
test("the rehearsals' emulator answers in the profile it is given, else in the default one", async () => {
  const challenge = async (profile?: string) => {
    const rehearsals = await startRehearsals(
      (name) => name === 'tenant:read-only',
      tempDir('rehearsal-'),
      profile,
    );
    try {
      const url = new URL('/api/machineactions', rehearsals.rehearsals[0]!.emulator.url);
      const ca = readFileSync(rehearsals.caFile);
      return await new Promise<string | undefined>((done, fail) =>
        request(url, { ca }, (res) => {
          res.resume();
          done(res.headers['www-authenticate']);
        })
          .on('error', fail)
          .end(),
      );
    } finally {
      await rehearsals.close();
    }
  };
  expect(await challenge('lagging')).toBe('Bearer realm="api"');
  expect(await challenge()).toBeUndefined();
});
