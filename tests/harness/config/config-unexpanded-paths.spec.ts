import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { NO_SECRET, problems } from './config-env.ts';

test.afterEach(removeTempDirs);

// A walk wrote MDE_CLIENT_CERTIFICATE_PATH=~/certs/operator.pem (and $HOME/...) in .env: dotenv expands
// neither, nor does a quoted value in a shell, and the line said "does not exist; check the path" of a
// file the walker's shell listed. Now it says why, and the full path where it is the home folder.
test('a credential path with ~ or $HOME says nothing expanded it, and names the full path', () => {
  for (const [written, full] of [
    ['~/walk6-certs/operator.pem', `${homedir()}/walk6-certs/operator.pem`],
    ['$HOME/walk6-certs/operator.pem', `${homedir()}/walk6-certs/operator.pem`],
    [`\${HOME}/walk6-certs/operator.pem`, `${homedir()}/walk6-certs/operator.pem`],
  ])
    expect(problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: written })[0]).toBe(
      `ConfigError: MDE_CLIENT_CERTIFICATE_PATH names ${written}, which does not exist; check the path (nothing expanded its ~ or $ here: .env and a quoted value keep them as written; write the full path, ${full})`,
    );
  // Another variable is never expanded in a message (it may hold a secret): only said.
  expect(problems({ ...NO_SECRET, MDE_FEDERATED_TOKEN_FILE: '$TOKEN_DIR/token' })[0]).toBe(
    'ConfigError: MDE_FEDERATED_TOKEN_FILE names $TOKEN_DIR/token, which does not exist; check the path (nothing expanded its ~ or $ here: .env and a quoted value keep them as written; write the full path)',
  );
});

// `npm run` runs from the repository's root whatever folder it was typed in: a walk typed
// MDE_CLIENT_CERTIFICATE_PATH=good.pem in a sub-folder holding it and read "does not exist" beside the
// file, where a profile file or a seed names the folder npm ran from.
test('a relative credential path typed in a sub-folder says npm ran from the root, and the path that works', () => {
  const sub = tempDir('config-subfolder-');
  writeFileSync(join(sub, 'walk6-operator.pem'), 'not read');
  const before = process.env.INIT_CWD;
  process.env.INIT_CWD = sub;
  try {
    const line = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: 'walk6-operator.pem' })[0];
    expect(line).toContain(
      `, which does not exist; check the path (npm runs this from ${process.cwd()}, not from ${sub}`,
    );
    expect(line).toContain(
      `name it ${relative(process.cwd(), join(sub, 'walk6-operator.pem'))} or by its full path)`,
    );
  } finally {
    if (before === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = before;
  }
});

// A walk wrote MDE_EMULATOR_PROFILE_FILE=~/calibration/staging.profile.json in .env: it read "does not
// exist" with no word of the ~ (only the credential paths said it). The emulator's own reads:
// tests/emulator/profiles/profile-file-start-dir.spec.ts.
test('a profile file path with ~ says nothing expanded it, and names the full path', () => {
  const hint = (full: string) =>
    `(nothing expanded its ~ or $ here: .env and a quoted value keep them as written; write the full path, ${full})`;
  const profile = '~/walk16-calibration/staging.profile.json';
  expect(problems({ MDE_EMULATOR_PROFILE_FILE: profile })[0]).toContain(
    `names ${profile}, which does not exist; point it at a profile`,
  );
  expect(problems({ MDE_EMULATOR_PROFILE_FILE: profile })[0]).toContain(
    hint(`${homedir()}/walk16-calibration/staging.profile.json`),
  );
});
