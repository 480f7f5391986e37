import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileWriteError } from '../../common/file-write-error.ts';
import {
  ALLURE_REPORT_DIR,
  ALLURE_RESULTS_DIR,
  COMPLIANCE_JSON,
  RECORDS_FILE,
  REPORTS_DIR,
  TARGET_INDEX_JSON,
  TEST_RESULTS_DIR,
} from '../../common/report-files.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import type { Env } from '../../harness/config/read-env.ts';
import {
  formatFinding,
  formatSkipped,
  leakScanner,
  SCANNED_DIRS,
} from '../../harness/redaction/leak-scan.ts';
import {
  type AllureGenerateResult,
  type AllureGenerator,
  startAllureGenerator,
} from '../allure/allure-generate.ts';
import { markAllureResults } from '../allure/allure-marks.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';
import { type EndedRun, endedRunOutcome } from './ended-run.ts';
import { alignJunitAfterStop } from './junit-after-stop.ts';
import { EXIT, type ExitCode, worstOf } from './run-outcome.ts';
import { scanAsWritten } from './scan-as-written.ts';
import { readShardOutcome } from './written-outcome.ts';

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
  let allure: Promise<AllureGenerateResult> | undefined;
  // A run that ran no test (a --grep that matched nothing) leaves no Allure results: the report in
  // allure-report/ is then an earlier run's, and would read as this one's beside its compliance report.
  const noResults = !existsSync(join(root, ALLURE_RESULTS_DIR));
  if (ran && !ran.wroteNothing && noResults) {
    const earlier = existsSync(join(root, ALLURE_REPORT_DIR));
    rmSync(join(root, ALLURE_REPORT_DIR), { recursive: true, force: true });
    log(
      `allure: no test left a result, so no Allure report${earlier ? ` (the earlier run's ${ALLURE_REPORT_DIR}/ was removed)` : ''}`,
    );
  }
  // (Without results, the generator started during the run is told so, and stops.)
  if (!options.skipAllure && !ran?.wroteNothing)
    try {
      markAllureResults(root, reports, log);
      allure = (
        options.allure ??
        startAllureGenerator({ singleFile: options.singleFile, cwd: root, recordsFile: options.recordsFile })
      ).generate((file) => reportScan.written(file));
    } catch (error) {
      // A full disk: the report would show the tests unmarked; said in one line, and the leak scan
      // still runs. The Allure report is one artefact of several: the verdict stands.
      if (!(error instanceof FileWriteError)) throw error;
      rmSync(join(root, ALLURE_REPORT_DIR), { recursive: true, force: true });
      log(`allure: ${error.message}; no Allure report was made (the compliance report stands)`);
    }

  // Everything but the Allure report is scanned while Allure generates it (another process), then
  // the report's files as they are written.
  let started = performance.now();
  const { findings, skipped } = scanner.scanDirs(SCANNED_DIRS.filter((d) => d !== ALLURE_REPORT_DIR));
  timings.leakScanMs = performance.now() - started;
  if (allure) {
    const generated = await allure;
    timings.allureMs = generated.durationMs;
    // Without a run's results the line above has said so.
    if (!(noResults && ran && !ran.wroteNothing)) log(`allure: ${generated.message}`);
    if (generated.qualityGate) log(`allure quality gate: ${generated.qualityGate}`);
    started = performance.now();
    const report = reportScan.finish(ALLURE_REPORT_DIR);
    findings.push(...report.findings);
    skipped.push(...report.skipped);
    timings.leakScanMs += performance.now() - started;
  }
  for (const file of skipped) log(formatSkipped(file));
  for (const finding of findings) log(formatFinding(finding));
  const unscanned = skipped.length > 0 ? ` (${skipped.length} not scanned: too large, above)` : '';
  if (findings.length === 0)
    log(`leak-scan: no secret, issued token, JWT or private key found in the artefacts${unscanned}`);
  if (findings.length > 0) {
    log(`leak-scan: ${findings.length} finding(s): do not share these artefacts; rotate what leaked.`);
    // Worse than any verdict: the artefacts must not be shared until the secret is rotated.
    exitCode = EXIT.LEAKED;
  }
  return exitCode;
}

function readWrittenReports(reportsDir: string): ComplianceReport[] {
  const index = join(reportsDir, TARGET_INDEX_JSON);
  if (existsSync(index)) {
    const { targets } = JSON.parse(readFileSync(index, 'utf8')) as { targets: { dir: string }[] };
    return targets.map((t) => readJson(join(reportsDir, t.dir, COMPLIANCE_JSON)));
  }
  const single = join(reportsDir, COMPLIANCE_JSON);
  return existsSync(single) ? [readJson(single)] : [];
}

function readJson(file: string): ComplianceReport {
  return JSON.parse(readFileSync(file, 'utf8')) as ComplianceReport;
}
