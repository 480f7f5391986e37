import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// `npm run conformance -- --shard=2/2` and then `npm run report`: the shard's records in
// test-results/compliance-records.json were rebuilt into a whole-run reports/compliance.md,
// "**Conforming, partial run, ... MUST not judged (NA)** (exit 0)" from 35 of the 75 tests, the
// report a shard never writes. A run split in one shard (--shard=1/1) is a whole run and is rebuilt.
test('npm run report refuses the records of one shard of several, and names report:merge', () => {
  const dir = tempDir('report-shard-');
  writeRecords(
    join(dir, RECORDS_FILE),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 2, total: 2 } }),
  );
  const run = runScript('report.ts', '--dir', dir, '--no-allure');
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([
    `report: ${RECORDS_FILE} holds the records of shard 2 of 2 only: merge the shards' records with npm run report:merge (docs/reports.md#shards)`,
  ]);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);

  const whole = tempDir('report-shard-');
  writeRecords(
    join(whole, RECORDS_FILE),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 1 } }),
  );
  const one = runScript('report.ts', '--dir', whole, '--no-allure');
  expect(one.stderr).toBe('');
  expect(existsSync(join(whole, 'reports', 'compliance.json'))).toBe(true);
});
