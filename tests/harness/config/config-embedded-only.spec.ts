import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { embeddedOnlyWarnings } from '../../../src/harness/config/embedded-only.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// The suite applies the MDE_EMULATOR_* variables to the embedded target only; another target warns
// that the suite does not apply them (one line each, with the emulator option that does the same).
const EMBEDDED_ONLY = {
  MDE_EMULATOR_PROFILE: 'strict-odata',
  MDE_EMULATOR_PROFILE_FILE: 'reports/observed-profile.json',
  MDE_EMULATOR_FAULTS: 'final-state-500, cancel-new-id',
  MDE_EMULATOR_HTTPS: 'true',
};

test.afterEach(removeTempDirs);

test.describe('embedded-only variables', () => {
  test('with another target, each one set is one warning naming it and the emulator option', () => {
    const line = (variable: string, flag: string) =>
      `warning: the suite does not apply ${variable} with MDE_TARGET=emulator (only with embedded); an emulator you start applies it only if it is in that emulator's environment, or given as \`npm run emulator -- ${flag}\``;
    expect(embeddedOnlyWarnings(EMBEDDED_ONLY, 'emulator')).toEqual([
      line('MDE_EMULATOR_PROFILE', '--profile strict-odata'),
      line('MDE_EMULATOR_PROFILE_FILE', '--profile-file reports/observed-profile.json'),
      line('MDE_EMULATOR_FAULTS', '--fault final-state-500,cancel-new-id'),
      line('MDE_EMULATOR_HTTPS', '--https'),
    ]);
    expect(embeddedOnlyWarnings({ MDE_EMULATOR_FAULTS: 'final-state-500' }, 'tenant')).toEqual([
      expect.stringMatching(/^warning: the suite does not apply MDE_EMULATOR_FAULTS with MDE_TARGET=tenant /),
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
    // In a directory of its own: the run writes the report of a run that could not reach its target.
    const cwd = tempDir('conformance-run-');
    const run = spawnSync(process.execPath, CONFORMANCE_ARGS, {
      cwd,
      env: {
        ...withoutMdeVariables(),
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
        /^warning: the suite does not apply MDE_EMULATOR_PROFILE with MDE_TARGET=emulator .*--profile strict-odata`$/,
      ),
      expect.stringMatching(
        /^warning: the suite does not apply MDE_EMULATOR_FAULTS with MDE_TARGET=emulator .*--fault final-state-500`$/,
      ),
    ]);
    expect(lines[2]).toContain('connection refused');
    expect(lines).toHaveLength(3);
    // This run's verdict replaces any earlier one: exit 3, the reason, no test.
    const report = JSON.parse(readFileSync(join(cwd, 'reports', 'compliance.json'), 'utf8'));
    expect(report.summary).toMatchObject({ exitCode: 3, tests: { total: 0 } });
    expect(report.summary.exitReason).toContain('connection refused');
    // The closing line says why no test ran, as compliance.md does.
    expect(run.stdout).toMatch(
      /^compliance: .*\(exit code 3, no test ran: TargetUnreachableError: http:\/\/127\.0\.0\.1:\d+: the API does not answer: connection refused\. Check MDE_API_BASE_URL/m,
    );
    // Its raw records too, so that `npm run report` rebuilds this run, and its artefacts were scanned.
    const records = JSON.parse(readFileSync(join(cwd, 'test-results', 'compliance-records.json'), 'utf8'));
    expect(records.runErrors).toEqual([expect.objectContaining({ category: 'target-unreachable' })]);
    expect(run.stdout).toContain('leak-scan: no secret');
    expect(run.status).toBe(3);
  });
});
