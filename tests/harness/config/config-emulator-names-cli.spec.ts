import { spawnSync } from 'node:child_process';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';

// npm run conformance checks the embedded emulator's profile and fault names before it announces the
// run: a bad name is one line saying where the names are listed, and no banner comes first.
function conformance(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/conformance.ts'], {
    env: {
      ...withoutMdeVariables(),
      MDE_RUN_PLAN: '',
      MDE_TARGET: 'embedded',
      MDE_API_BASE_URL: '',
      MDE_EMULATOR_PROFILE: '',
      MDE_EMULATOR_PROFILE_FILE: '',
      MDE_EMULATOR_FAULTS: '',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test.describe('npm run conformance with emulator names', () => {
  test('an unknown profile is one line, before any banner', () => {
    const run = conformance({ MDE_EMULATOR_PROFILE: 'nope' });
    expect(run.stdout).not.toContain('conformance:');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ConfigError: MDE_EMULATOR_PROFILE must be one of default, .* \(got "nope"\)$/),
    ]);
    expect(run.status).toBe(2);
  });

  test('a misspelt variable is still pointed out when the configuration stops the run', () => {
    const run = conformance({ MDE_ALLOW_WRITE: 'true', MDE_EMULATOR_FAULTS: 'nope' });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: MDE_ALLOW_WRITE is not a setting .*did you mean MDE_ALLOW_WRITES\?/),
      expect.stringMatching(/^ConfigError: MDE_EMULATOR_FAULTS names unknown fault nope/),
    ]);
    expect(run.status).toBe(2);
  });

  test('a profile name not in lower case says so, and where the names are listed', () => {
    const run = conformance({ MDE_EMULATOR_PROFILE: 'Strict-ODATA' });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^ConfigError: MDE_EMULATOR_PROFILE must be a built-in profile name, in lower case, .*`npm run emulator -- --help` lists them.*\(got "Strict-ODATA"\)$/,
      ),
    ]);
    expect(run.status).toBe(2);
  });

  // The emulator's --profile says so too (src/emulator/cli/args.ts): a path here is a file meant for the other setting.
  test('a profile file given as the profile name is pointed to MDE_EMULATOR_PROFILE_FILE', () => {
    const run = conformance({ MDE_EMULATOR_PROFILE: 'calibration/staging.profile.json' });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^ConfigError: MDE_EMULATOR_PROFILE must be a built-in profile name, .*; a profile file goes to MDE_EMULATOR_PROFILE_FILE \(got "calibration\/staging\.profile\.json"\)$/,
      ),
    ]);
    expect(run.status).toBe(2);
  });

  test('an unknown fault points to the command that lists the faults, and to a close name', () => {
    const run = conformance({ MDE_EMULATOR_FAULTS: 'final-state-500,no-such-fault,final-state-5000' });
    expect(run.stdout).not.toContain('conformance:');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^ConfigError: MDE_EMULATOR_FAULTS names unknown faults no-such-fault, final-state-5000 \(did you mean final-state-500\?\); `npm run emulator -- --list-faults` lists all \d+ \(docs\/emulator\.md describes them\)$/,
      ),
    ]);
    expect(run.status).toBe(2);
  });
});
