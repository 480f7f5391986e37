import { join } from 'node:path';
import { ALLURE_REPORT_DIR, RECORDS_FILE, REPORTS_DIR, TEST_RESULTS_DIR } from '../../common/report-files.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import type { Env } from '../../harness/config/read-env.ts';
import { leakScanner, SCANNED_DIRS } from '../../harness/redaction/leak-scan.ts';
import type { AllureGenerator } from '../allure/allure-generate.ts';
import { startAllureReportStep } from './allure-report-step.ts';
import { type EndedRun, endedRunOutcome } from './ended-run.ts';
import { alignJunitAfterStop } from './junit-after-stop.ts';
import { logLeakScan } from './leak-scan-lines.ts';
import { EXIT, type ExitCode, worstOf } from './run-outcome.ts';
import { scanAsWritten } from './scan-as-written.ts';
import { readShardOutcome } from './written-outcome.ts';
import { readWrittenReports } from './written-reports.ts';

export interface FinishOptions {
  // The suite run that just ended (npm run conformance): when it started and how Playwright exited;
  // its plan unless it was a listing, which reports nothing.
  run?: EndedRun;
  singleFile?: boolean;
  skipAllure?: boolean;
  root?: string;
  log?: (line: string) => void;
  // Filled with how long each step took (ms), for npm run bench:suite.
  timings?: Record<string, number>;
  // An Allure generator started earlier (it loads while the tests run); else one starts now.
  allure?: AllureGenerator;
  // The records Allure reads for its variables and environments, when not the run's own.
  recordsFile?: string;
  // Where the configuration is read for the leak scan (environment over the .env of cwd), as the run does.
  cwd?: string;
  env?: Env;
}

// What `npm run conformance` and `npm run report` do after the tests: the Allure report (known
// deviations marked), then the leak scan over every artefact. (junit.xml is made to agree with the
// records by the compliance reporter.) Returns the exit code of the whole run.
export async function finishRun(options: FinishOptions = {}): Promise<ExitCode> {
  const root = options.root ?? repoRoot;
  const log = options.log ?? ((line: string) => console.log(line));
  const timings = options.timings ?? {};
  const ran = options.run && (await endedRunOutcome(root, options.run, log));
  if (options.run && ran && !ran.wroteNothing) alignJunitAfterStop(root, options.run, log, options.env);
  // A run that wrote no evidence leaves the earlier run's as it was: those reports decide nothing, and
  // Allure would remake (and re-mark) their report.
  const reports = ran?.wroteNothing ? [] : readWrittenReports(join(root, REPORTS_DIR));
  // A shard stopped before its tests wrote shard records, no report (stopped-run-report.ts).
  let exitCode =
    ran?.exitCode ??
    (reports.length
      ? worstOf(reports.map((r) => r.summary.exitCode))
      : (readShardOutcome(join(root, RECORDS_FILE))?.exitCode ?? EXIT.CONFORMING));
  const plan = options.run?.plan;
  if (plan && !ran?.wroteNothing && plan.targets.some((t) => t.spec.mode === 'tenant')) {
    // Again, now that Playwright has exited: a run out of time ends before its global teardown.
    const { writeTenantEvidence } = await import('../../harness/drivers/tenant/tenant-evidence.ts');
    const errors = await writeTenantEvidence(plan, join(root, TEST_RESULTS_DIR), join(root, REPORTS_DIR));
    for (const error of errors) log(`tenant evidence: ${error}`);
    if (errors.length > 0) exitCode = worstOf([exitCode, EXIT.ERRORED]);
  }
  const scanner = leakScanner({ root, cwd: options.cwd, env: options.env });
  const reportScan = scanAsWritten(scanner);
  const allure = startAllureReportStep({
    root,
    reports,
    wroteEvidence: ran && !ran.wroteNothing,
    skipAllure: options.skipAllure,
    allure: options.allure,
    singleFile: options.singleFile,
    recordsFile: options.recordsFile,
    onWritten: (file) => reportScan.written(file),
    log,
  });

  // Everything but the Allure report is scanned while Allure generates it (another process), then
  // the report's files as they are written.
  let started = performance.now();
  const { findings, skipped } = scanner.scanDirs(SCANNED_DIRS.filter((d) => d !== ALLURE_REPORT_DIR));
  timings.leakScanMs = performance.now() - started;
  if (allure.generation) {
    const generated = await allure.generation;
    timings.allureMs = generated.durationMs;
    // Without a run's results the step has said so.
    if (!allure.saidNoResults) log(`allure: ${generated.message}`);
    if (generated.qualityGate) log(`allure quality gate: ${generated.qualityGate}`);
    started = performance.now();
    const report = reportScan.finish(ALLURE_REPORT_DIR);
    findings.push(...report.findings);
    skipped.push(...report.skipped);
    timings.leakScanMs += performance.now() - started;
  }
  if (logLeakScan(findings, skipped, log)) exitCode = EXIT.LEAKED;
  return exitCode;
}
