import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readProfileFile } from '../../../src/emulator/profiles/profile-document.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The emulator opens a profile by its resolved path, so Node's error names that one: the hint for a
// path given from the folder npm was started in (tests/common/npm-start-dir.spec.ts) must be of the
// path as the user wrote it.
test('--profile-file named from the folder npm was started in names the path to give', () => {
  const from = join(tempDir('profile-start-dir-'), 'calibration');
  mkdirSync(from);
  writeFileSync(join(from, 'staging.profile.json'), '{"profileVersion": 1, "points": {}}');
  const saved = process.env.INIT_CWD;
  process.env.INIT_CWD = from;
  try {
    expect(() => readProfileFile('staging.profile.json')).toThrow(
      `staging.profile.json: cannot read the profile file: it does not exist; check the path (npm runs this from ${process.cwd()}, not from ${from} where it was typed: name it ${relative(process.cwd(), join(from, 'staging.profile.json'))} or by its full path)`,
    );
  } finally {
    if (saved === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = saved;
  }
});
