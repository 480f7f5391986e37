import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../../common/write-whole.ts';
import { type Clock, WALL_CLOCK } from '../../harness/wall-clock.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';

// Allure shows tests, and an error outside any test (a shard missing from a merge, an interrupted run,
// a failed global set-up) would leave a report of passed tests from a run that errored. Allure 3 reads
// "*-globals.json" in the results as the run's global errors, which its report shows beside the tests
// (its "Global errors" tab). One file, written anew before each generation: a run without errors
// removes the one an earlier run left.
export const RUN_ERRORS_FILE = 'mde-run-errors-globals.json';

export function writeAllureRunErrors(
  resultsDir: string,
  reports: readonly ComplianceReport[],
  clock: Clock = WALL_CLOCK,
): number {
  if (!existsSync(resultsDir)) return 0;
  const file = join(resultsDir, RUN_ERRORS_FILE);
  // Every target of a run carries the run's errors: each is said once.
  const lines = [
    ...new Set(
      reports.flatMap((r) => (r.runErrors ?? []).map((e) => `Run error (${e.category}): ${e.line}`)),
    ),
  ];
  if (lines.length === 0) {
    rmSync(file, { force: true });
    return 0;
  }
  const timestamp = clock.now();
  writeWhole(
    file,
    JSON.stringify({ errors: lines.map((message) => ({ message, timestamp })), attachments: [] }),
  );
  return lines.length;
}
