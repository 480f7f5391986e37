import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fingerprint,
  recordIssuedSecret,
  startFingerprints,
} from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { OPAQUE, scan, TOKEN, workspace } from './leak-workspace.ts';

// Tokens issued during the run, found by the fingerprints the run recorded, never by the tokens themselves.
test.afterEach(removeTempDirs);

test('tokens issued during the run are found by fingerprint, JWT or not, and the fingerprint file holds no token', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  expect(readFileSync(fingerprints, 'utf8')).not.toContain(OPAQUE);
  writeFileSync(join(root, 'allure-results', 'a-attachment.txt'), `{"access_token":"${OPAQUE}"}`);
  writeFileSync(join(root, 'test-results', 'log.txt'), `Authorization: Bearer ${TOKEN}`);
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({
    file: 'allure-results/a-attachment.txt',
    what: 'a token issued during the run',
  });
  expect(findings).toContainEqual({ file: 'test-results/log.txt', what: 'a JWT-shaped token' });
});

test('an issued token is found by fingerprint where it ends a file, in a query or after a JWT dot', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  const signature = TOKEN.split('.')[2]!;
  writeFileSync(join(root, 'reports', 'end.txt'), `last words ${OPAQUE}`);
  writeFileSync(join(root, 'reports', 'query.txt'), `?code=${OPAQUE}&x=1`);
  // A signature glued to other text by a dot is no JWT shape: only its fingerprint finds it.
  writeFileSync(join(root, 'reports', 'dotted.txt'), `abc.${signature}`);
  writeFileSync(join(root, 'reports', 'clean.txt'), `${OPAQUE.slice(0, -1)} and ${signature.slice(1)}`);
  const files = scan({ root, env }).findings.map((f) => f.file);
  expect(files.sort()).toEqual(['reports/dotted.txt', 'reports/end.txt', 'reports/query.txt']);
});

test('a scan with hundreds of thousands of fingerprints still runs and finds its token', () => {
  const { root, env } = workspace();
  const { sha256: hash, length } = fingerprint(OPAQUE);
  const many = Array.from({ length: 300_000 }, (_, i) => ({
    sha256: i.toString(16).padStart(64, '0'),
    length,
  }));
  writeFileSync(join(root, 'reports', 'found.txt'), `token ${OPAQUE}`);
  const { findings } = scan({ root, env, fingerprints: [...many, { sha256: hash, length }] });
  expect(findings).toEqual([{ file: 'reports/found.txt', what: 'a token issued during the run' }]);
});

test("a new run starts its fingerprint file afresh: an earlier run's tokens are not hashed for again", () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  writeFileSync(join(root, 'reports', 'old.txt'), OPAQUE);
  expect(scan({ root, env }).findings).toHaveLength(1);
  startFingerprints(fingerprints);
  recordIssuedSecret(TOKEN, fingerprints);
  expect(readFileSync(fingerprints, 'utf8').trim().split('\n')).toHaveLength(1);
  expect(scan({ root, env }).findings).toEqual([]);
});

test('a fingerprint is recorded even where its directory does not exist yet', () => {
  const { root } = workspace();
  const fingerprints = join(root, 'not-yet', 'fingerprints');
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  expect(readFileSync(fingerprints, 'utf8').trim().split('\n')).toHaveLength(2);
});
