import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { embeddedOnlyWarnings } from '../../src/harness/config/embedded-only.ts';

// The MDE_EMULATOR_* variables act on the embedded target only; another target warns that it ignores
// them (one line each, with the emulator option that does the same) instead of passing clean.
const EMBEDDED_ONLY = {
  MDE_EMULATOR_PROFILE: 'strict-odata',
  MDE_EMULATOR_PROFILE_FILE: 'reports/observed-profile.json',
  MDE_EMULATOR_FAULTS: 'final-state-500, cancel-new-id',
  MDE_EMULATOR_HTTPS: 'true',
};

test.describe('embedded-only variables', () => {
  test('with another target, each one set is one warning naming it and the emulator option', () => {
    expect(embeddedOnlyWarnings(EMBEDDED_ONLY, 'emulator')).toEqual([
      'warning: MDE_EMULATOR_PROFILE is ignored with MDE_TARGET=emulator: it applies only to MDE_TARGET=embedded; to get the same from an emulator you start yourself, run `npm run emulator -- --profile strict-odata`',
      'warning: MDE_EMULATOR_PROFILE_FILE is ignored with MDE_TARGET=emulator: it applies only to MDE_TARGET=embedded; to get the same from an emulator you start yourself, run `npm run emulator -- --profile-file reports/observed-profile.json`',
      'warning: MDE_EMULATOR_FAULTS is ignored with MDE_TARGET=emulator: it applies only to MDE_TARGET=embedded; to get the same from an emulator you start yourself, run `npm run emulator -- --fault final-state-500,cancel-new-id`',
      'warning: MDE_EMULATOR_HTTPS is ignored with MDE_TARGET=emulator: it applies only to MDE_TARGET=embedded; to get the same from an emulator you start yourself, run `npm run emulator -- --https`',
    ]);
    expect(embeddedOnlyWarnings({ MDE_EMULATOR_FAULTS: 'final-state-500' }, 'tenant')).toEqual([
      expect.stringMatching(/^warning: MDE_EMULATOR_FAULTS is ignored with MDE_TARGET=tenant: /),
    ]);
  });

  test('the embedded target, unset or empty values and HTTPS off warn of nothing', () => {
    expect(embeddedOnlyWarnings(EMBEDDED_ONLY, 'embedded')).toEqual([]);
    expect(
      embeddedOnlyWarnings(
        { MDE_EMULATOR_PROFILE: ' ', MDE_EMULATOR_FAULTS: '', MDE_EMULATOR_HTTPS: 'false' },
        'emulator',
      ),
    ).toEqual([]);
    expect(embeddedOnlyWarnings({ MDE_EMULATOR_HTTPS: '0' }, 'emulator')).toEqual([]);
  });

  test('npm run conformance prints the warnings before it tries the target', async () => {
    // A port nothing listens on: the preflight fails at once, after the warnings.
    const port = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
    });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/conformance.ts'], {
      env: {
        ...process.env,
        MDE_RUN_PLAN: '',
        MDE_TARGET: 'emulator',
        MDE_API_BASE_URL: `http://127.0.0.1:${port}`,
        MDE_EMULATOR_PROFILE: 'strict-odata',
        MDE_EMULATOR_FAULTS: 'final-state-500',
        MDE_EMULATOR_PROFILE_FILE: '',
        MDE_EMULATOR_HTTPS: '',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(
        /^warning: MDE_EMULATOR_PROFILE is ignored with MDE_TARGET=emulator: .*--profile strict-odata`$/,
      ),
      expect.stringMatching(
        /^warning: MDE_EMULATOR_FAULTS is ignored with MDE_TARGET=emulator: .*--fault final-state-500`$/,
      ),
    ]);
    expect(lines[2]).toContain('connection refused');
    expect(lines).toHaveLength(3);
  });
});
