import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { specialFileKind } from '../../common/regular-file.ts';
import {
  ALLURE_REPORT_DIR,
  ALLURE_RESULTS_DIR,
  RECORDS_FILE,
  REPORTS_DIR,
  TEST_RESULTS_DIR,
} from '../../common/report-files.ts';
import { writeWhole } from '../../common/write-whole.ts';
import { getRegistry } from '../../contract/index.ts';
import type { RunPlan } from '../../harness/run/run-plan.ts';
import { type Clock, WALL_CLOCK } from '../../harness/wall-clock.ts';
import { loadSelectedBaseline } from '../baseline/baseline.ts';
import { complianceLine } from '../compliance/compliance-line.ts';
import { suiteInfo } from '../compliance/suite-info.ts';
import { runJunitFile } from '../junit/junit-file.ts';
import { junitAgreeingWith } from '../junit/junit-outcomes.ts';
import { shardRecordsFile, writeRecords } from '../records/records-file.ts';
import type { ErrorCategory, RunRecords } from '../records/test-record.ts';
import { EXIT } from './run-outcome.ts';
import { tenantEvidenceErrors } from './tenant-evidence-errors.ts';
import { readQuota, removeVerdicts, removeWholeRunReports, writeComplianceReports } from './write-reports.ts';

// The evidence of a run that stopped before its tests (the target did not answer the preflight, or
// refused the app's credentials): its report, with the reason and no test, and its raw records, so
// that neither reports/ nor `npm run report` shows an earlier run's verdict as if it were this one's.
// Returns the line that says where the report is.
export async function writeStoppedRunReport(
  plan: RunPlan,
  line: string,
  category: ErrorCategory,
  root = resolve('.'),
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = WALL_CLOCK,
): Promise<string> {
  const records: RunRecords = {
    version: 1,
    suite: suiteInfo(),
    runId: plan.runId,
    startedAt: new Date(clock.now()).toISOString(),
    durationMs: 0,
    targets: Object.fromEntries(plan.targets.map((t) => [t.name, t.info])),
    runErrors: [{ category, line }],
    tests: [],
  };
  const outDir = join(root, REPORTS_DIR);
  // A tenant's preflight spent a call of its quota, and an earlier run's files must not stand in.
  records.runErrors.push(...(await tenantEvidenceErrors(plan, join(root, TEST_RESULTS_DIR), outDir)));
  // A shard writes shard records, as one that ran does: a whole-run report read as the run's verdict,
  // and the merge called the shard missing instead of saying why it stopped.
  if (plan.shard) {
    records.shard = plan.shard;
    records.shardExitCode = category === 'target-unreachable' ? EXIT.UNREACHABLE : EXIT.ERRORED;
    const quota = readQuota(outDir, records);
    if (quota !== undefined) records.quota = quota;
  }
  removeVerdicts(outDir);
  writeRecords(join(root, RECORDS_FILE), records);
  // An earlier run's test results and Allure report would read as this run's.
  for (const stale of [ALLURE_RESULTS_DIR, ALLURE_REPORT_DIR])
    rmSync(join(root, stale), { recursive: true, force: true });
  // No test ran: the JUnit file holds the reason as a run error (junit-run-errors.ts), where Playwright
  // would have written it (its environment variable, as a user may have set it for CI, else reports/).
  // A shard's is merged as any other shard's.
  const junit = runJunitFile(root, plan.shard, env);
  // A pipe or a device there (/dev/stdout) would be replaced by a file, or, as root, removed from /dev.
  const special = specialFileKind(junit);
  if (special) console.error(`junit: ${junit} is ${special}, not a regular file; no JUnit file was written`);
  else writeWhole(junit, junitAgreeingWith(NO_TESTS_JUNIT, records, junit).xml);
  if (plan.shard) {
    removeWholeRunReports(outDir);
    const file = shardRecordsFile(outDir, plan.shard);
    writeRecords(file, records);
    const { current, total } = plan.shard;
    return `compliance: shard ${current}/${total} records in ${file} (exit ${records.shardExitCode})`;
  }
  const { exitCode, reports } = writeComplianceReports(records, {
    outDir,
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  return complianceLine(outDir, exitCode, reports);
}

const NO_TESTS_JUNIT =
  '<testsuites id="" name="" tests="0" failures="0" skipped="0" errors="0" time="0">\n</testsuites>\n';
