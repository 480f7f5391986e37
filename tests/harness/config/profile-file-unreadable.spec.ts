import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { problems } from './config-env.ts';

test.afterEach(removeTempDirs);

// MDE_EMULATOR_PROFILE_FILE naming a directory read "which cannot be read (EISDIR)": Node's code, where
// every other file setting (MDE_BASELINE, the certificate, --profile-file) says what to fix.
test('a profile file that is a directory is said to be one, with what to name instead', () => {
  const dir = tempDir('profile-dir-');
  expect(problems({ MDE_EMULATOR_PROFILE_FILE: dir })).toEqual([
    `ConfigError: MDE_EMULATOR_PROFILE_FILE names ${dir}: it is a directory; name the file`,
  ]);
});
