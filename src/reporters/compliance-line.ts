import { type ComplianceReport, partialRun } from './compliance-report.ts';
import type { ExitCode } from './run-outcome.ts';

// The line that ends a run's reporting, said alike after a run (the compliance reporter) and after a
// merge of shards: where the report is, the exit code, and whether the run covered every requirement.
export function complianceLine(outDir: string, exitCode: ExitCode, reports: ComplianceReport[]): string {
  const partial = reports.find((r) => r.summary.notRun.length > 0)?.summary;
  const note = partial ? `, ${partialRun(partial.notRun.length, partial.requirements)}` : '';
  return `compliance: ${outDir}/compliance.md (exit code ${exitCode}${note})`;
}
