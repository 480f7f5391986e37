import { join } from 'node:path';
import { ALLURE_RESULTS_DIR } from '../../common/report-files.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';
import { writeAllureRunErrors } from './allure-run-errors.ts';
import { applyAllureStatuses } from './allure-statuses.ts';

// Before Allure generates its report: the results marked as the compliance reports judged them
// (known deviations, tests that reached no verdict, retried failures) and the run's errors, each said
// in a line. Throws FileWriteError when a result cannot be written back.
export function markAllureResults(
  root: string,
  reports: ComplianceReport[],
  log: (line: string) => void,
): void {
  const marked = applyAllureStatuses(join(root, ALLURE_RESULTS_DIR), reports);
  if (marked.known > 0) log(`allure: ${marked.known} result(s) marked as known deviations from the baseline`);
  if (marked.broken > 0) log(`allure: ${marked.broken} result(s) marked broken: they reached no verdict`);
  if (marked.failed > 0)
    log(
      `allure: ${marked.failed} retried result(s) marked failed: an earlier attempt failed a contract check`,
    );
  const runErrors = writeAllureRunErrors(join(root, ALLURE_RESULTS_DIR), reports);
  if (runErrors > 0) log(`allure: ${runErrors} run error(s) shown as the report's global errors`);
}
