import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import {
  DEFAULT_FINGERPRINTS_FILE,
  recordIssuedSecret,
} from '../../../src/harness/redaction/secret-fingerprints.ts';
import { readRecords, writeRecords } from '../../../src/reporters/records/records-file.ts';
import type { RunRecords } from '../../../src/reporters/records/test-record.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { failed, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// `npm run report -- --dir <run directory>` and `npm run report:merge -- --dir <dir>`: another run's
// records rebuilt (or shards merged) into that directory, never over the repository's own reports.
function report(dir: string, records: RunRecords) {
  writeRecords(join(dir, RECORDS_FILE), records);
  return runScript('report.ts', '--dir', dir, '--no-allure');
}

const repoReport = join(repoRoot, 'reports', 'compliance.json');
const stamp = () => (existsSync(repoReport) ? statSync(repoReport).mtimeMs : 'none');

test('a run directory named by --dir gets its own reports, and the exit code says its verdict', () => {
  const before = stamp();
  const conforming = tempDir('report-dir-');
  const ok = report(conforming, runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  const written = JSON.parse(readFileSync(join(conforming, 'reports', 'compliance.json'), 'utf8'));
  expect(written.summary.exitCode).toBe(0);
  expect(existsSync(join(conforming, 'reports', 'compliance.md'))).toBe(true);

  const failing = tempDir('report-dir-');
  const bad = report(
    failing,
    runRecords([testRecord({ requirements: ['CANCEL.FINAL'], ...failed('expected 400, got 200') })]),
  );
  expect(bad.status).toBe(1);
  expect(JSON.parse(readFileSync(join(failing, 'reports', 'compliance.json'), 'utf8')).summary.exitCode).toBe(
    1,
  );
  expect(stamp()).toBe(before);
});

test('report:merge: a damaged shard JUnit file is named and exits 2, after the leak scan has run', () => {
  const dir = tempDir('merge-dir-');
  writeRecords(
    join(dir, 'reports', 'shards', 'shard-1-of-1.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 1 } }),
  );
  writeFileSync(join(dir, 'reports', 'shards', 'junit-1-of-1.xml'), '<testsuites id="" name="" tests="1"');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts', 'merge-shards.ts'), '--dir', dir, '--no-allure'],
    { cwd: repoRoot, env: withoutMdeVariables(), encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toContain('junit-1-of-1.xml is not a JUnit report');
  expect(run.stdout).toContain('leak-scan:');
  expect(existsSync(join(dir, 'reports', 'junit.xml'))).toBe(false);
  expect(run.status).toBe(2);
});

// The missing shard was named in compliance.md alone: the console said only that the run errored.
test('report:merge: a missing shard is named on the console, and the merge exits 2', () => {
  const dir = tempDir('merge-dir-');
  writeRecords(
    join(dir, 'reports', 'shards', 'shard-1-of-2.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 2 } }),
  );
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  expect(run.stderr).toContain('merge-shards: shard 2 of 2 is missing');
  expect(run.status).toBe(2);
});

for (const [name, prefix] of [
  ['report.ts', 'report'],
  ['merge-shards.ts', 'merge-shards'],
] as const)
  test(`${name}: a --dir that is not a directory is one line and exit 2`, () => {
    const absent = join(tempDir('report-dir-'), 'absent');
    const run = runScript(name, '--dir', absent);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${prefix}: --dir ${absent} is not a directory: name the directory that holds (or is to hold) the run`,
    ]);
    expect(run.status).toBe(2);
  });

test('the leak scan of a --dir run looks for the tokens that run issued', () => {
  const dir = tempDir('report-dir-');
  // An opaque token only its fingerprint can find, left in the run's artefacts.
  const token = 'opaque-token-of-another-run-5e1d';
  recordIssuedSecret(token, join(dir, DEFAULT_FINGERPRINTS_FILE));
  writeFileSync(join(dir, 'test-results', 'log.txt'), `answered ${token}`);
  const run = report(dir, runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  expect(run.stdout).toContain('test-results/log.txt');
  expect(run.stdout).not.toContain(token);
  expect(run.status).toBe(4);
});

test('report:merge --dir merges the shards under that directory into its reports and records', () => {
  const before = stamp();
  const dir = tempDir('merge-dir-');
  const shard = (current: number, tests: ReturnType<typeof testRecord>[]) =>
    writeRecords(
      join(dir, 'reports', 'shards', `shard-${current}-of-2.json`),
      runRecords(tests, { shard: { current, total: 2 } }),
    );
  shard(1, [testRecord({ requirements: ['CANCEL.OK'] })]);
  shard(2, [testRecord({ line: 9, requirements: ['CANCEL.FINAL'], ...failed('expected 400, got 200') })]);
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  // Walked: the merge said only "(exit code 1)"; a run says why on its verdict line, and so does it.
  expect(run.stdout).toMatch(
    /^verdict: Not conforming, partial run \(exit 1\): MUST requirements failed: CANCEL\.FINAL; /m,
  );
  expect(readRecords(join(dir, RECORDS_FILE)).tests).toHaveLength(2);
  expect(JSON.parse(readFileSync(join(dir, 'reports', 'compliance.json'), 'utf8')).summary.exitCode).toBe(1);
  expect(stamp()).toBe(before);
});

for (const [name, command] of [
  ['report.ts', 'npm run report'],
  ['merge-shards.ts', 'npm run report:merge'],
] as const)
  test(`${name} --help prints the usage and where the docs are, and exits 0`, () => {
    const run = runScript(name, '--', '--help');
    expect(run.stdout).toMatch(new RegExp(`^Usage: ${command} `));
    expect(run.stdout).toContain('docs/interfaces.md#commands');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

// A run of several targets (the self-test matrix) rebuilt: each target's line gave the run's worst
// code, so a conforming target read "exit 1" beside a failing one.
test("report: each target's line gives that target's own exit code, the run exits with the worst", () => {
  const dir = tempDir('report-dir-');
  const target = (name: string) => ({ mode: 'embedded' as const, apiHost: 'loopback', description: name });
  const run = report(
    dir,
    runRecords(
      [
        testRecord({ target: 'good', requirements: ['CANCEL.OK'] }),
        testRecord({ target: 'bad', requirements: ['CANCEL.FINAL'], ...failed('expected 400, got 200') }),
      ],
      { targets: { good: target('good'), bad: target('bad') } },
    ),
  );
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('compliance: bad: exit 1: MUST requirements failed: CANCEL.FINAL');
  expect(run.stdout).toContain('compliance: good: exit 0: ');
});

// EEXIST or EACCES alone named neither the directory to fix nor how.
test('report: an output directory it cannot write is one line saying what to fix, and exit 2', () => {
  const dir = tempDir('report-unwritable-');
  writeFileSync(join(dir, 'reports'), 'not a directory');
  const run = report(dir, runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  expect(run.stderr.trim().split('\n')).toEqual([
    'report: reports/ cannot be written: reports is a file, not a directory; move it away or remove it',
  ]);
  expect(run.status).toBe(2);
});
