import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

// tsx compiles into TMPDIR: one it could not write ended every npm script with tsx's stack trace
// (ENOTDIR, EACCES) before the suite's first line. A preload now says so in one line, exit 2.
test('every npm script run through tsx checks TMPDIR first', () => {
  const throughTsx = Object.entries(scripts).filter(([, command]) => command.includes('--import tsx'));
  expect(throughTsx.length).toBeGreaterThan(5);
  for (const [name, command] of throughTsx)
    expect(command, name).toMatch(/^node --import \.\/src\/harness\/run\/temp-dir-check\.mjs --import tsx /);
});

test('a TMPDIR that cannot be written is one line naming it, exit 2, no stack trace', () => {
  const dir = tempDir('temp-dir-check-');
  const file = join(dir, 'not-a-directory');
  writeFileSync(file, '');
  const run = spawnSync('sh', ['-c', `${scripts.report} --help`], {
    cwd: repoRoot,
    env: { ...withoutMdeVariables(), TMPDIR: file, npm_lifecycle_event: 'report' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    `report: the temporary directory ${file} cannot be written (ENOTDIR); set TMPDIR to a directory this user can write`,
  ]);
  expect(run.status).toBe(2);
});
