import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuedTokens } from '../../../src/harness/redaction/issued-tokens.ts';
import { recordIssuedSecret } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { OPAQUE, scan, workspace } from '../../reporters/leak-scan/leak-workspace.ts';

test.afterEach(removeTempDirs);

// A token known by its fingerprint only (the leak scan; the runner's redaction of Playwright's
// messages) is looked for in runs of token characters, and "/" and "+" are token characters (base64).
// A run was tried whole and split at "." and "=" only: an opaque token in a URL's path, or after the
// "+" a form-encoded space becomes ("Bearer+<token>"), or before a "/", was in no candidate, and the
// scan found those files clean.
const PLACES: Record<string, string> = {
  path: `GET /api/tokens/${OPAQUE} answered 404`,
  form: `authorization=Bearer+${OPAQUE}&x=1`,
  before: `seen ${OPAQUE}/more`,
};

test('an issued token in a path, after a "+" or before a "/" is found by the leak scan', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  for (const [name, text] of Object.entries(PLACES))
    writeFileSync(join(root, 'reports', `${name}.txt`), text);
  // Not a token's end: a longer run of token characters is another value.
  writeFileSync(join(root, 'reports', 'longer.txt'), `/x/${OPAQUE}0`);
  const files = scan({ root, env }).findings.map((f) => f.file);
  expect(files.sort()).toEqual(['reports/before.txt', 'reports/form.txt', 'reports/path.txt']);
});

test('the runner redacts an issued token it knows by fingerprint in the same places', () => {
  const { fingerprints } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  const issued = new IssuedTokens(fingerprints);
  for (const text of Object.values(PLACES)) expect(issued.redact(text)).not.toContain(OPAQUE);
});
