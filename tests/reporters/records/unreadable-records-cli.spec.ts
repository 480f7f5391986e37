import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A records or shard file the report scripts cannot read: named in one line, and exit 2.

// The reader's message varies across Node versions; the line must name the file and the way out.
function expectNotJson(run: ReturnType<typeof runScript>, line: string) {
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(line);
  expect(lines[0]).toContain('run `npm run conformance` again');
  expect(run.status).toBe(2);
}

test('report: a records file that is not JSON is named in one line, and exit 2', () => {
  const file = join(tempDir('report-dir-'), 'bad.json');
  writeFileSync(file, '{bad');
  expectNotJson(
    runScript('report.ts', '--records', file, '--no-allure'),
    `report: ${file} is not valid JSON`,
  );
});

test('report: a file named by mistake is not quoted, so no part of a secret in it is shown', () => {
  const file = join(tempDir('report-dir-'), '.env');
  const secret = 'Abc8Q~mistakenly-named-secret-value';
  writeFileSync(file, `{"AZURE_CLIENT_SECRET": ${secret}}`);
  const run = runScript('report.ts', '--records', file, '--no-allure');
  expectNotJson(run, `report: ${file} is not valid JSON`);
  expect(run.stderr).not.toContain(secret.slice(0, 6));
});

test('report:merge: a shard file that is not JSON is named in one line, and exit 2', () => {
  const dir = tempDir('merge-dir-');
  const shard = join(dir, 'reports', 'shards', 'shard-1-of-1.json');
  writeRecords(shard, runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  writeFileSync(shard, '{"version": 1, "tests": [');
  expectNotJson(
    runScript('merge-shards.ts', '--dir', dir, '--no-allure'),
    `merge-shards: ${shard} is not valid JSON`,
  );
});

test('report: --records naming a directory says to name the file, in one line, and exit 2', () => {
  const dir = tempDir('report-dir-');
  const run = runScript('report.ts', '--records', dir, '--no-allure');
  expect(run.stderr.trim().split('\n')).toEqual([
    `report: ${dir} is a directory: name the records file (a run writes ${RECORDS_FILE}), or the run's directory with --dir`,
  ]);
  expect(run.status).toBe(2);
});
