import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A run stopped part-way keeps the last complete report in reports/earlier-complete/ (docs/reports.md).
// `npm run report` rebuilding a stopped run's records (after its own report write failed, say) wrote
// over reports/compliance.json without that step: the last complete run's report was lost.
test('npm run report of a stopped run keeps the last complete report aside, as the run would have', () => {
  const dir = tempDir('report-keeps-complete-');
  const registry = getRegistry();
  const complete = runRecords([testRecord({ requirements: registry.requirements.map((r) => r.id) })], {
    runId: 'run-complete',
  });
  writeComplianceReports(complete, { outDir: join(dir, 'reports'), registry, requireMust: false });
  const stopped = runRecords([testRecord({ requirements: ['CANCEL.OK'] })], {
    runId: 'run-stopped',
    runErrors: [{ category: 'suite-error', line: 'the run was interrupted before it finished' }],
  });
  writeRecords(join(dir, RECORDS_FILE), stopped);
  const run = runScript('report.ts', '--dir', dir, '--no-allure');
  expect(run.status, run.stderr).toBe(2);
  const read = (path: string) => JSON.parse(readFileSync(join(dir, 'reports', path), 'utf8'));
  expect(read('compliance.json')).toMatchObject({ runId: 'run-stopped' });
  expect(existsSync(join(dir, 'reports', 'earlier-complete', 'compliance.json'))).toBe(true);
  expect(read('earlier-complete/compliance.json')).toMatchObject({ runId: 'run-complete' });
  expect(run.stdout + run.stderr).toContain('earlier-complete');
});

// report:merge writes "a whole run's report like any run" (docs/reports.md#shards): shards copied into a
// checkout whose reports/ held a complete run's report, one shard missing, replaced that report too.
test('report:merge of an incomplete shard set keeps the last complete report aside', () => {
  const dir = tempDir('merge-keeps-complete-');
  const registry = getRegistry();
  const complete = runRecords([testRecord({ requirements: registry.requirements.map((r) => r.id) })], {
    runId: 'run-complete',
  });
  writeComplianceReports(complete, { outDir: join(dir, 'reports'), registry, requireMust: false });
  writeRecords(
    join(dir, 'reports', 'shards', 'shard-1-of-2.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 2 } }),
  );
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  expect(run.status, run.stderr).toBe(2);
  const read = (path: string) => JSON.parse(readFileSync(join(dir, 'reports', path), 'utf8'));
  expect(read('compliance.json').summary.exitCode).toBe(2);
  expect(existsSync(join(dir, 'reports', 'earlier-complete', 'compliance.json'))).toBe(true);
  expect(read('earlier-complete/compliance.json')).toMatchObject({ runId: 'run-complete' });
  expect(run.stdout).toContain('earlier-complete');
});
