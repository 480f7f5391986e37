import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { asRoot, NOBODY, nobodyCanRead } from '../../helpers/nobody.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A run that could not write its evidence ran every test (a tenant run for hours), then lost its
// reports with a stack trace: EEXIST for a file named reports, EACCES for a read-only reports/.
test.describe('an output directory the run cannot write', () => {
  // As root every file is writable: the read-only case runs the script as nobody.

  for (const [what, prepare, line] of [
    [
      'a file where reports/ goes',
      (dir: string) => writeFileSync(join(dir, 'reports'), 'not a directory'),
      'conformance: reports/ cannot be written: reports is a file, not a directory; move it away or remove it',
    ],
    [
      'a read-only reports/junit.xml',
      (dir: string) => {
        mkdirSync(join(dir, 'reports'));
        writeFileSync(join(dir, 'reports', 'junit.xml'), '<testsuites/>', { mode: 0o444 });
        if (asRoot) chmodSync(dir, 0o777);
        if (asRoot) chmodSync(join(dir, 'reports'), 0o777);
      },
      'conformance: reports/ cannot be written: reports/junit.xml is read-only for this user; make it writable (chmod -R u+w reports) or remove it',
    ],
  ] as const) {
    test(`${what} is one line and exit 2 before any test`, () => {
      test.skip(
        asRoot && what.includes('read-only') && !nobodyCanRead(join(repoRoot, 'package.json')),
        'run as root from a directory user nobody cannot read: a read-only file needs another user',
      );
      const dir = tempDir('conformance-unwritable-');
      prepare(dir);
      const run = spawnSync(process.execPath, CONFORMANCE_ARGS, {
        cwd: dir,
        env: { ...withoutMdeVariables(), HOME: dir, TMPDIR: dir },
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot && what.includes('read-only') ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      expect(run.stderr.trim().split('\n'), run.stdout).toEqual([line]);
      expect(run.stdout).not.toContain('Running');
      expect(run.status).toBe(2);
    });
  }
});
