import { homedir } from 'node:os';
import { expect, test } from '../../helpers/api-test.ts';
import { NO_SECRET, problems } from './config-env.ts';

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
