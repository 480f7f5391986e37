import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unreadableFile } from '../../src/common/unreadable-file.ts';
import { profileFileProblem } from '../../src/harness/config/profile-file.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// `cd calibration && npm run emulator -- --profile-file staging.profile.json`: npm runs the script
// from the repository's root, so the file named from the sub-folder "does not exist" there; the line
// said only "check the path", beside a file the user could see.
test('a relative path named from the folder npm was started in says where npm runs and the path to give', () => {
  const started = tempDir('npm-start-dir-');
  mkdirSync(join(started, 'calibration'));
  writeFileSync(join(started, 'calibration', 'staging.profile.json'), '{"profileVersion": 1, "points": {}}');
  const from = join(started, 'calibration');
  const given = 'staging.profile.json';
  const meant = relative(process.cwd(), join(from, given));
  const saved = process.env.INIT_CWD;
  process.env.INIT_CWD = from;
  try {
    const hint = `(npm runs this from ${process.cwd()}, not from ${from} where it was typed: name it ${meant} or by its full path)`;
    expect(profileFileProblem(given)).toContain(hint);
    const enoent = Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: given });
    expect(unreadableFile(enoent)).toBe(`it does not exist; check the path ${hint}`);
    // Nothing is added where the file is missing from both, or npm was started at the root.
    expect(profileFileProblem('nowhere.json')).not.toContain('npm runs this');
    process.env.INIT_CWD = process.cwd();
    expect(profileFileProblem(given)).not.toContain('npm runs this');
  } finally {
    if (saved === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = saved;
  }
});
