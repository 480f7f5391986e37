import { parseCli } from '../../../src/emulator/cli/args.ts';
import { readProfileFile } from '../../../src/emulator/profiles/profile-document.ts';
import { expect, test } from '../../helpers/api-test.ts';

// MDE_EMULATOR_PROFILE=nosuch stopped npm run emulator with 'Unknown profile "nosuch"', naming neither
// the variable nor the flag: a user with both in play could not tell which to fix (the faults' line
// names its source). The line names where the name came from.
for (const [args, env, source] of [
  [['--profile', 'nosuch'], {}, '--profile'],
  [[], { MDE_EMULATOR_PROFILE: 'nosuch' }, 'MDE_EMULATOR_PROFILE'],
] as const) {
  test(`an unknown profile from ${source} is one line naming ${source} and the profiles`, async () => {
    await expect(parseCli([...args], { ...env })).rejects.toThrow(
      new RegExp(`^${source} names unknown profile "nosuch"; the built-in profiles are default, `),
    );
  });
}

test('a built-in profile passes, from either', async () => {
  const run = await parseCli([], { MDE_EMULATOR_PROFILE: 'strict-odata' });
  expect(run.kind === 'run' && run.options.profile).toBe('strict-odata');
});

// The two settings swapped: a file given to --profile was told only the built-in names, and a
// built-in name given as a file (`--profile-file lagging`, `profile:compare default ...`) only "check
// the path". Each line now names the setting or the file meant.
test('a file named as a profile says to use --profile-file, or the variable', async () => {
  await expect(parseCli(['--profile', 'calibration/staging.profile.json'], {})).rejects.toThrow(
    /^--profile names unknown profile "calibration\/staging\.profile\.json"; .*; a profile file goes to --profile-file$/,
  );
  await expect(parseCli([], { MDE_EMULATOR_PROFILE: 'staging.json' })).rejects.toThrow(
    /; a profile file goes to MDE_EMULATOR_PROFILE_FILE$/,
  );
});

test('a built-in profile named as a file names the built-in file', () => {
  expect(() => readProfileFile('lagging')).toThrow(
    /^lagging: cannot read the profile file: it does not exist; .*"lagging" is a built-in profile, whose file is src\/emulator\/profiles\/lagging\.profile\.json$/,
  );
});
