import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getRegistry } from '../contract/index.ts';
import { writeTenantEvidence } from '../harness/drivers/tenant-evidence.ts';
import type { RunPlan } from '../harness/run/run-plan.ts';
import { loadSelectedBaseline } from './baseline.ts';
import { complianceLine } from './compliance-line.ts';
import { reasonLine } from './reason-line.ts';
import { RECORDS_FILE, writeRecords } from './records-file.ts';
import { suiteInfo } from './suite-info.ts';
import type { ErrorCategory, RunRecords } from './test-record.ts';
import { writeComplianceReports } from './write-reports.ts';

// The evidence of a run that stopped before its tests (the target did not answer the preflight, or
// refused the app's credentials): its report, with the reason and no test, and its raw records, so
// that neither reports/ nor `npm run report` shows an earlier run's verdict as if it were this one's.
// Returns the line that says where the report is.
export async function writeStoppedRunReport(
  plan: RunPlan,
  line: string,
  category: ErrorCategory,
  root = resolve('.'),
): Promise<string> {
  const records: RunRecords = {
    version: 1,
    suite: suiteInfo(),
    runId: plan.runId,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    targets: Object.fromEntries(plan.targets.map((t) => [t.name, t.info])),
    runErrors: [{ category, line }],
    tests: [],
  };
  const outDir = join(root, 'reports');
  // A tenant's preflight spent a call of its quota, and an earlier run's files must not stand in.
  const evidence = await writeTenantEvidence(plan, join(root, 'test-results'), outDir);
  records.runErrors.push(
    ...evidence.map((line) => ({ category: 'suite-error' as const, line: reasonLine(line) })),
  );
  writeRecords(join(root, RECORDS_FILE), records);
  // An earlier run's test results and Allure report would read as this run's.
  for (const stale of ['reports/junit.xml', 'allure-results', 'allure-report'])
    rmSync(join(root, stale), { recursive: true, force: true });
  const { exitCode, reports } = writeComplianceReports(records, {
    outDir,
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  return complianceLine(outDir, exitCode, reports);
}
