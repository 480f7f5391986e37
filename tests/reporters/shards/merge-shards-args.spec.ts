import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// npm run report:merge checks every path it is given before it writes anything: one line per
// problem naming the path and what to give, and exit 2 (docs/interfaces.md#commands).
function shardsIn(dir: string): string {
  const shards = join(dir, 'shards');
  writeRecords(
    join(shards, 'shard-1-of-1.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 1 } }),
  );
  return shards;
}

function expectRefused(run: ReturnType<typeof runScript>, lines: string[], dir: string) {
  expect(run.stderr.trim().split('\n')).toEqual(lines.map((line) => `merge-shards: ${line}`));
  expect(run.stdout).toBe('');
  expect(run.status).toBe(2);
  expect(existsSync(join(dir, 'reports'))).toBe(false);
}

test('a second shards directory is refused, not ignored', () => {
  const dir = tempDir('merge-args-');
  const shards = shardsIn(dir);
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure', shards, dir);
  expectRefused(
    run,
    [
      `one shards directory expected, got 2 (${shards}, ${dir}): give the directory holding every shard-<i>-of-<n>.json, and each shard's Allure results with --allure-results DIR`,
    ],
    dir,
  );
});

test('each --allure-results must be an existing directory, said before any report is written', () => {
  const dir = tempDir('merge-args-');
  const shards = shardsIn(dir);
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  const absent = join(dir, 'absent');
  const run = runScript(
    'merge-shards.ts',
    '--dir',
    dir,
    shards,
    '--allure-results',
    absent,
    '--allure-results',
    file,
  );
  expectRefused(
    run,
    [
      `--allure-results ${absent} does not exist: give a shard's allure-results directory`,
      `--allure-results ${file} is not a directory: give a shard's allure-results directory`,
    ],
    dir,
  );
});

test('a file as the shards directory, and a directory where a shard file belongs, are named', () => {
  const dir = tempDir('merge-args-');
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  expectRefused(
    runScript('merge-shards.ts', '--dir', dir, '--no-allure', file),
    [
      `${file} is not a directory: give the directory holding the shard-<i>-of-<n>.json files (default reports/shards)`,
    ],
    dir,
  );
  const shards = join(dir, 'shards');
  mkdirSync(join(shards, 'shard-1-of-1.json'), { recursive: true });
  expectRefused(
    runScript('merge-shards.ts', '--dir', dir, '--no-allure', shards),
    [
      `${join(shards, 'shard-1-of-1.json')} is a directory, not a shard's records file: remove it, or give the directory its shard's records are in`,
    ],
    dir,
  );
});

test('with no shard records at all, that is said first, before a missing Allure directory', () => {
  const dir = tempDir('merge-args-');
  const shards = join(dir, 'shards');
  mkdirSync(shards);
  const missing = join(dir, 'allure-results-of-shard-1');
  const run = runScript('merge-shards.ts', '--dir', dir, shards, '--allure-results', missing);
  expect(run.stderr.trim().split('\n')[0]).toBe(
    `merge-shards: no shard-<i>-of-<n>.json in ${shards}; run \`npm run conformance -- --shard=i/n\` for each shard i of n first, then merge`,
  );
  expect(run.stderr).toContain(`--allure-results ${missing}`);
  expect(run.status).toBe(2);
});

// A mistyped path read as "no shard-<i>-of-<n>.json in <path>", as if the shards had not run.
test('a shards directory that does not exist is said to, with what to give', () => {
  const dir = tempDir('merge-args-');
  const shards = join(dir, 'shrads');
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure', shards);
  expect(run.stderr.trim().split('\n')).toEqual([
    `merge-shards: ${shards} does not exist: give the directory holding the shard-<i>-of-<n>.json files (default reports/shards), or run \`npm run conformance -- --shard=i/n\` for each shard i of n first`,
  ]);
  expect(run.status).toBe(2);
});
