import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getRegistry } from '../contract/index.ts';
import type { RunPlan } from '../harness/run/run-plan.ts';
import { loadSelectedBaseline } from './baseline.ts';
import { complianceLine } from './compliance-line.ts';
import { suiteInfo } from './suite-info.ts';
import type { RunRecords } from './test-record.ts';
import { writeComplianceReports } from './write-reports.ts';

// The reports of a run that stopped at the preflight: the target did not answer, no test ran. Written
// so that reports/ never holds an earlier run's verdict as if it were this one's; says so in one line.
export function writeUnreachableReport(plan: RunPlan, line: string, outDir = resolve('reports')): string {
  const records: RunRecords = {
    version: 1,
    suite: suiteInfo(),
    startedAt: new Date().toISOString(),
    durationMs: 0,
    targets: Object.fromEntries(plan.targets.map((t) => [t.name, t.info])),
    runErrors: [{ category: 'target-unreachable', line }],
    tests: [],
  };
  // An earlier run's test results would read as this run's in a CI widget.
  rmSync(join(outDir, 'junit.xml'), { force: true });
  const { exitCode, reports } = writeComplianceReports(records, {
    outDir,
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  return complianceLine(outDir, exitCode, reports);
}
