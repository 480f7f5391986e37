import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProfileFile } from '../../../src/emulator/profiles/profile-document.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { HEX_KEY, MISTAKEN_PROFILE_FILES, SECRET } from '../../helpers/mistaken-profile-files.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The emulator's --profile-file may be handed the wrong JSON; MDE_EMULATOR_PROFILE_FILE too
// (tests/harness/config/profile-file-secrets.spec.ts).
for (const [name, content] of MISTAKEN_PROFILE_FILES)
  test(`a profile file holding ${name} is refused without showing it (--profile-file)`, () => {
    const file = join(tempDir('profile-file-'), 'sp.json');
    writeFileSync(file, JSON.stringify(content));
    let emulator = '';
    try {
      readProfileFile(file);
    } catch (error) {
      emulator = (error as Error).message;
    }
    for (const message of [emulator]) {
      expect(message, 'the file is refused').toContain(file);
      expect(message).not.toContain(SECRET.slice(0, 6));
      expect(message).not.toContain(HEX_KEY.slice(0, 8));
    }
  });
