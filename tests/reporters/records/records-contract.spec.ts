import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suiteInfo } from '../../../src/reporters/compliance/suite-info.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// compliance.md would say "contract sha256:deadbeef" over this checkout's requirements and statements.
test('report and report:merge refuse records of another contract in one line naming both, and exit 2', () => {
  const here = suiteInfo().contractHash;
  const other = { version: '0.0.9', contractHash: 'sha256:deadbeef' };
  const file = join(tempDir('report-dir-'), 'records.json');
  writeRecords(file, runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { suite: other }));
  const run = runScript('report.ts', '--records', file, '--no-allure');
  expect(run.stderr.trim().split('\n')).toEqual([
    `report: ${file} (suite 0.0.9) checked contract sha256:deadbeef, this checkout has ${here}: rebuild the report in a checkout of the commit that ran it, or run \`npm run conformance\` again here`,
  ]);
  expect(run.stdout).toBe('');
  expect(run.status).toBe(2);

  const dir = tempDir('merge-dir-');
  writeRecords(
    join(dir, 'reports', 'shards', 'shard-1-of-1.json'),
    runRecords([testRecord({ requirements: ['CANCEL.OK'] })], {
      suite: other,
      shard: { current: 1, total: 1 },
    }),
  );
  const merge = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  expect(merge.stderr).toContain(`checked contract sha256:deadbeef, this checkout has ${here}`);
  expect(merge.status).toBe(2);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);
});
