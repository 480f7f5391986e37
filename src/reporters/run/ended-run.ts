import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileWriteError } from '../../common/file-write-error.ts';
import { RECORDS_FILE, REPORTS_DIR } from '../../common/report-files.ts';
import type { RunPlan } from '../../harness/run/run-plan.ts';
import type { RunRecords } from '../records/test-record.ts';
import { EXIT, type ExitCode } from './run-outcome.ts';
import { readRunOutcome, readShardOutcome } from './written-outcome.ts';

// A suite run that just ended: when it started and how Playwright exited; its plan unless it was a
// listing, which reports nothing.
export interface EndedRun {
  startedAt: number;
  playwrightExit: number;
  plan?: RunPlan;
}

// The code of the suite run that just ended, from what it wrote: its report, or a shard's records (a
// shard writes no whole-run report). A listing writes neither, and Playwright's code stands. A runner
// that failed without reporting (stopped in its first second, a configuration it could not load) gets
// a stopped-run report, so the earlier run's verdict is not read as this one's.
export async function endedRunOutcome(
  root: string,
  run: EndedRun,
  log: (line: string) => void,
): Promise<{ exitCode: ExitCode; wroteNothing: boolean }> {
  const reportsDir = join(root, REPORTS_DIR);
  const outcome =
    readRunOutcome(reportsDir, run.startedAt) ?? readShardOutcome(join(root, RECORDS_FILE), run.startedAt);
  if (outcome) return { exitCode: outcome.exitCode, wroteNothing: false };
  if (run.playwrightExit === 0 || !run.plan)
    return { exitCode: run.playwrightExit === 0 ? EXIT.CONFORMING : EXIT.ERRORED, wroteNothing: true };
  // The tests ran and their records were written, then the report was not (a full disk: the reporter
  // said which file and why). A stopped-run report would say that no test ran, over those records.
  if (recordsOfRun(join(root, RECORDS_FILE), run.plan.runId, run.startedAt)) {
    log(
      `compliance: no report of this run in reports/ (the compliance line above says why); exit ${EXIT.ERRORED}: its records are in ${RECORDS_FILE}, for npm run report`,
    );
    return { exitCode: EXIT.ERRORED, wroteNothing: false };
  }
  const why =
    run.playwrightExit === 130
      ? "the run was stopped before Playwright's runner could report on it"
      : `Playwright's runner ended (exit ${run.playwrightExit}) before its reporters wrote this run's report; its output above says why`;
  // Loaded only here: a run's usual path does not need it.
  const { writeStoppedRunReport } = await import('./stopped-run-report.ts');
  try {
    log(await writeStoppedRunReport(run.plan, `SuiteError: ${why}`, 'suite-error', root));
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    log(`compliance: ${error.message}; no report of this run was written (exit ${EXIT.ERRORED})`);
    return { exitCode: EXIT.ERRORED, wroteNothing: false };
  }
  return {
    exitCode:
      (readRunOutcome(reportsDir, run.startedAt) ?? readShardOutcome(join(root, RECORDS_FILE), run.startedAt))
        ?.exitCode ?? EXIT.ERRORED,
    wroteNothing: false,
  };
}

function recordsOfRun(file: string, runId: string, since: number): boolean {
  try {
    const records = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunRecords>;
    return records.runId === runId && Date.parse(records.startedAt ?? '') >= since;
  } catch {
    return false;
  }
}
