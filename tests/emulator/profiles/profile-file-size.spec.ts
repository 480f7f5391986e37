import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileFormatError } from '../../../src/contract/index.ts';
import { readProfileFile } from '../../../src/emulator/profiles/profile-document.ts';
import { profileFileProblem } from '../../../src/harness/config/profile-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A profile is a few KB; a 32 MB file named by mistake (--profile-file, MDE_EMULATOR_PROFILE_FILE)
// was parsed for 13 s before it was refused, a larger one for minutes. Now its size is the one line.
test('a profile file above 1 MB is refused by its size, by the emulator and by the configuration', () => {
  const file = join(tempDir('profile-size-'), 'profile.json');
  writeFileSync(file, `${' '.repeat(2 * 1024 * 1024)}{}`);
  const line = '2.0 MB is no profile file (a profile is a few KB, at most 1 MB): name the profile file';
  expect(() => readProfileFile(file)).toThrow(new ProfileFormatError(`${file}: ${line}`));
  expect(profileFileProblem(file)).toBe(`names ${file}: ${line}`);
});
