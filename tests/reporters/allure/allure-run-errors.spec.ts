import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { RUN_ERRORS_FILE, writeAllureRunErrors } from '../../../src/reporters/allure/allure-run-errors.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// Half of a run whose other shard's records are missing: every test shown passed, and yet it errored.
const halfMerged = () =>
  buildComplianceReport({
    records: mergeRecords([
      runRecords([testRecord({ requirements: ['CANCEL.OK'] })], { shard: { current: 1, total: 2 } }),
    ]),
    targetName: 'embedded',
    registry: getRegistry(),
  });

test("a run's errors outside any test reach the Allure report as its global errors", () => {
  const results = tempDir('allure-run-errors-');
  const report = halfMerged();
  // Every target of a run carries the run's errors; Allure shows each once.
  const at = Date.parse('2026-12-07T13:00:00Z');
  expect(writeAllureRunErrors(results, [report, report], { now: () => at })).toBe(1);
  const globals = JSON.parse(readFileSync(join(results, RUN_ERRORS_FILE), 'utf8'));
  expect(globals).toEqual({
    errors: [{ message: 'Run error (suite-error): shard 2 of 2 is missing', timestamp: at }],
    attachments: [],
  });
});

test('a run without errors removes the global errors an earlier run left', () => {
  const results = tempDir('allure-run-errors-');
  writeAllureRunErrors(results, [halfMerged()]);
  const clean = buildComplianceReport({
    records: runRecords([testRecord({ requirements: ['CANCEL.OK'] })]),
    targetName: 'embedded',
    registry: getRegistry(),
  });
  expect(writeAllureRunErrors(results, [clean])).toBe(0);
  expect(existsSync(join(results, RUN_ERRORS_FILE))).toBe(false);
  // Nothing to generate from, nothing written.
  const none = join(tempDir('allure-run-errors-'), 'allure-results');
  expect(writeAllureRunErrors(none, [halfMerged()])).toBe(0);
  expect(existsSync(none)).toBe(false);
});
