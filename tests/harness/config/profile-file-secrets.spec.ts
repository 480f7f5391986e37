import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileFileProblem } from '../../../src/harness/config/profile-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { HEX_KEY, MISTAKEN_PROFILE_FILES, SECRET } from '../../helpers/mistaken-profile-files.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// MDE_EMULATOR_PROFILE_FILE may be handed the wrong JSON; the emulator's --profile-file too
// (tests/emulator/profiles/profile-file-secrets.spec.ts).
for (const [name, content] of MISTAKEN_PROFILE_FILES)
  test(`a profile file holding ${name} is refused without showing it (MDE_EMULATOR_PROFILE_FILE)`, () => {
    const file = join(tempDir('profile-file-'), 'sp.json');
    writeFileSync(file, JSON.stringify(content));
    for (const message of [profileFileProblem(file) ?? '']) {
      expect(message, 'the file is refused').toContain(file);
      expect(message).not.toContain(SECRET.slice(0, 6));
      expect(message).not.toContain(HEX_KEY.slice(0, 8));
    }
  });
