import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, runScript, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A directory where the run writes one of its files (reports/compliance.md left by an unzipped
// artefact, a mistaken mkdir) passed the output check, which looked at the directories only. The
// write then failed as EISDIR after every test had run: a stack trace, and exit 0 with compliance.md
// missing (or exit 2 with the reports lost, for compliance.json). Now one line, exit 2, before any test.
const line = (command: string, file: string) =>
  `${command}: ${file.split('/')[0]}/ cannot be written: ${file} is a directory, where the run writes a file; move it away or remove it`;

for (const file of [
  'reports/compliance.json',
  'reports/compliance.md',
  'test-results/compliance-records.json',
]) {
  test(`conformance: a directory in the place of ${file} is one line and exit 2 before any test`, () => {
    const dir = tempDir('conformance-in-the-way-');
    mkdirSync(join(dir, file), { recursive: true });
    const run = spawnSync(process.execPath, CONFORMANCE_ARGS, {
      cwd: dir,
      env: { ...withoutMdeVariables(), HOME: dir, TMPDIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr.trim().split('\n'), run.stdout).toEqual([line('conformance', file)]);
    expect(run.stdout).not.toContain('Running');
    expect(run.status).toBe(2);
  });
}

test('report: a directory in the place of reports/compliance.md is one line, and nothing is written', () => {
  const dir = tempDir('report-in-the-way-');
  writeRecords(join(dir, RECORDS_FILE), runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  mkdirSync(join(dir, 'reports', 'compliance.md'), { recursive: true });
  const run = runScript('report.ts', '--dir', dir, '--no-allure');
  expect(run.stderr.trim().split('\n')).toEqual([line('report', 'reports/compliance.md')]);
  expect(run.status).toBe(2);
  // Not half a report: compliance.json was written before the write that failed.
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);
});

// report:merge checks its output as a run does: a bare EISDIR or EACCES names neither file nor fix.
test('report:merge: a directory in the place of reports/compliance.json is one line, and nothing is written', () => {
  const dir = tempDir('merge-in-the-way-');
  writeRecords(
    join(dir, 'reports', 'shards', 'shard-1-of-1.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 1 } }),
  );
  mkdirSync(join(dir, 'reports', 'compliance.json'));
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  expect(run.stderr.trim().split('\n')).toEqual([line('merge-shards', 'reports/compliance.json')]);
  expect(run.status).toBe(2);
  expect(statSync(join(dir, 'reports', 'compliance.json')).isDirectory()).toBe(true);
  expect(existsSync(join(dir, RECORDS_FILE))).toBe(false);
});
