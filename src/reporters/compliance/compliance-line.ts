import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLIANCE_JSON, COMPLIANCE_MD, EARLIER_COMPLETE_DIR } from '../../common/report-files.ts';
import { isComplete } from '../run/earlier-complete.ts';
import type { ExitCode } from '../run/run-outcome.ts';
import type { ComplianceReport } from './compliance-report.ts';
import { narrowedRun, partialRun } from './partial-run.ts';

// The line that ends a run's reporting, said alike after a run (the compliance reporter) and after a
// merge of shards: where the report is, the exit code, whether the run covered every requirement, and
// (one target) how many requirements its tests left unjudged: Playwright's own summary above calls most
// of those tests skipped, as the harness stops a test once it can reach no verdict.
export function complianceLine(outDir: string, exitCode: ExitCode, reports: ComplianceReport[]): string {
  const partial = reports.find((r) => r.summary.notRun.length > 0)?.summary;
  const narrowed = reports.find((r) => r.summary.narrowedBy.length > 0)?.summary;
  const only = reports.length === 1 ? reports[0]!.summary : undefined;
  const noVerdict = only?.verdicts.ERROR ?? 0;
  // A run that ran no test at all: Playwright's own word above it ("No tests found") says not what to do.
  const stopped = reports.every((r) => r.summary.tests.total === 0)
    ? reports.find((r) => r.runErrors.length > 0)?.runErrors[0]
    : undefined;
  // (Then every requirement went untested, which the partial-run notes would only repeat.)
  const notes = stopped
    ? [`no test ran: ${stopped.line}`]
    : [
        partial ? partialRun(partial.notRun.length, partial.requirements) : undefined,
        narrowed ? narrowedRun(narrowed.narrowedBy, partial !== undefined) : undefined,
        noVerdict > 0
          ? `${noVerdict} of ${only!.requirements} requirements reached no verdict (ERROR)`
          : undefined,
      ].filter(Boolean);
  // A stopped run's report stands in reports/; the last complete one waits beside it (earlier-complete.ts).
  const kept =
    reports.length === 1 &&
    !isComplete(reports[0]!) &&
    existsSync(join(outDir, EARLIER_COMPLETE_DIR, COMPLIANCE_JSON))
      ? `; the last complete run's report is kept in ${outDir}/${EARLIER_COMPLETE_DIR}/`
      : '';
  return `compliance: ${outDir}/${COMPLIANCE_MD} (exit code ${[exitCode, ...notes].join(', ')})${kept}`;
}
