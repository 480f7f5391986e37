import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unwritableOutputs, type WriteCheck } from '../../../src/harness/preflight/preflight-writable.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A write check that meets `code` for the paths `refused` says (root may write anything, and no
// read-only file system can be mounted for a test: the check is handed in).
const failing =
  (code: string, refused: (path: string) => boolean): WriteCheck =>
  (path) => {
    if (refused(path)) throw Object.assign(new Error(`${code}: refused, access '${path}'`), { code });
  };

// A checkout on a read-only file system (a mounted image, a CI cache) read as four lines advising
// chmod -R u+w, which cannot help there; with no reports/ yet, the run started and failed as
// "EROFS: read-only file system, mkdir" once it made it.
test('a checkout on a read-only file system is one line that says to run from a writable copy', () => {
  const root = tempDir('read-only-');
  mkdirSync(join(root, 'reports'));
  expect(
    unwritableOutputs(
      root,
      failing('EROFS', () => true),
    ),
  ).toEqual([
    `${root} is on a read-only file system (EROFS), where the run writes test-results/, reports/, allure-results/, allure-report/: run from a writable copy (git clone ${root} DIR, then npm ci there)`,
  ]);
});

test('an output directory that is not there, in a directory this user may not write, is named before the run', () => {
  const root = tempDir('read-only-');
  mkdirSync(join(root, 'reports'));
  const lines = unwritableOutputs(
    root,
    failing('EACCES', (path) => path === root),
  );
  expect(lines).toEqual(
    ['test-results', 'allure-results', 'allure-report'].map(
      (name) =>
        `${name}/ cannot be made: ${root} is read-only for this user; make it writable (chmod u+w) or run from a writable copy`,
    ),
  );
});

// reports/ alone on a read-only mount (a CI volume mounted read-only over the checkout) read as
// "make it writable (chmod -R u+w reports)", which cannot help there. No variable moves reports/ (the
// run writes them under the directory it runs from, docs/interfaces.md): the line says what can help.
test('an output directory on a read-only file system of its own is named without chmod', () => {
  const root = tempDir('read-only-');
  mkdirSync(join(root, 'reports'));
  const reports = join(root, 'reports');
  const lines = unwritableOutputs(
    root,
    failing('EROFS', (path) => path === reports || path.startsWith(`${reports}/`)),
  );
  expect(lines).toEqual([
    `reports/ cannot be written: reports is on a read-only file system (EROFS), where chmod cannot help; mount it read-write, or remove that mount, or run from a writable copy (git clone ${root} DIR, then npm ci there)`,
  ]);
});
