import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { readSeedFile } from '../../../src/emulator/cli/seed-file.ts';
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

// A walk named --profile-file '~/calibration/staging.profile.json' and --seed '$HOME/seed.json' quoted
// (or through MDE_EMULATOR_PROFILE_FILE in a file): "does not exist" said nothing of the ~ or $.
test('a profile file or seed path with ~ or $HOME says nothing expanded it, and names the full path', () => {
  const hint = (full: string) =>
    `(nothing expanded its ~ or $ here: .env and a quoted value keep them as written; write the full path, ${full})`;
  expect(() => readProfileFile('~/walk16-calibration/staging.profile.json')).toThrow(
    hint(`${homedir()}/walk16-calibration/staging.profile.json`),
  );
  expect(() => readSeedFile('$HOME/walk16-seed.json')).toThrow(hint(`${homedir()}/walk16-seed.json`));
});
