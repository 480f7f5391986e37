import { dirname, resolve } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { FileWriteError } from '../../common/file-write-error.ts';
import { RECORDS_FILE, REPORTS_DIR } from '../../common/report-files.ts';
import { getRegistry } from '../../contract/index.ts';
import { findingsOf } from '../../harness/evidence/finding.ts';
import { isListingRun } from '../../harness/run/listing-run.ts';
import { resultsDirOf } from '../../harness/run/results-dir.ts';
import type { RunPlan } from '../../harness/run/run-plan.ts';
import { WALL_CLOCK } from '../../harness/wall-clock.ts';
import { type Baseline, loadSelectedBaseline } from '../baseline/baseline.ts';
import { alignJunitAfterRun } from '../junit/junit-after-run.ts';
import { junitProperties } from '../junit/junit-properties.ts';
import { whyNotStarted } from '../records/record-from-test.ts';
import { recordsOfTests } from '../records/records-of-tests.ts';
import { outcomeOf } from '../records/test-outcome.ts';
import type { RunError, RunRecords, TargetInfo } from '../records/test-record.ts';
import { reportsNotWritten } from '../run/reports-not-written.ts';
import { runErrorOf } from '../run/run-error.ts';
import { EXIT, type ExitCode } from '../run/run-outcome.ts';
import { reasonLine } from './reason-line.ts';
import { writeRunEnd } from './run-end-reports.ts';
import { scrubValue } from './scrub.ts';
import { suiteInfo } from './suite-info.ts';
import { testSelection } from './test-selection.ts';

export interface ComplianceReporterOptions {
  // Where compliance.json/md go, relative to the config file. Default 'reports'.
  outputDir?: string;
  // Where the raw records go. Default test-results/compliance-records.json.
  recordsFile?: string;
  // true: write nothing to the terminal.
  quiet?: boolean;
}

// Playwright reporter that turns test results into per-requirement verdicts (docs/interfaces.md#verdicts)
// and writes reports/compliance.json and compliance.md (docs/interfaces.md#reports).
export default class ComplianceReporter implements Reporter {
  private config!: FullConfig;
  private suite!: Suite;
  private readonly startedAt = new Date(WALL_CLOCK.now());
  private readonly runErrors: RunError[] = [];
  private baseline: Baseline | undefined;
  // A listing leaves every file of the last run as it was (listing-run.ts).
  private readonly listing = isListingRun();
  private records: RunRecords | undefined;

  constructor(private readonly options: ComplianceReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    if (this.listing) return;
    this.config = config;
    this.suite = suite;
    try {
      // MDE_BASELINE (environment or .env). scripts/conformance-checks.ts checks it before the run; this
      // is the backstop for other runners.
      this.baseline = loadSelectedBaseline();
    } catch (error) {
      this.runErrors.push({ category: 'suite-error', line: reasonLine(String((error as Error).message)) });
    }
  }

  // Playwright's JUnit reporter reads each test's annotations when the run ends: a failure that does
  // not fail the run (a known deviation, a SHOULD warning) is marked on the test by then.
  onTestEnd(test: TestCase, result: TestResult): void {
    if (this.listing || result.status === 'passed' || result.status === 'skipped') return;
    const annotations = [...test.annotations, ...result.annotations];
    if (outcomeOf(test, result, findingsOf(annotations)).outcome !== 'failed') return;
    const ids = annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
    test.annotations.push(...junitProperties([...new Set(ids)], getRegistry(), this.baseline));
  }

  onError(error: TestError): void {
    this.runErrors.push(runErrorOf(error));
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.listing) return undefined;
    try {
      return await this.report(result);
    } catch (error) {
      // A full disk, a read-only directory: one line that names the file and the fix, not Playwright's
      // stack trace, and a run that failed (npm run conformance then exits 2, run-outcome.ts).
      if (!(error instanceof FileWriteError)) throw error;
      console.error(
        reportsNotWritten(error, this.recordsFile(), !!this.config.shard, this.records !== undefined),
      );
      return { status: result.status === 'interrupted' ? 'interrupted' : 'failed' };
    }
  }

  private async report(result: FullResult): Promise<{ status?: FullResult['status'] }> {
    if (result.status === 'interrupted' || result.status === 'timedout')
      this.runErrors.push({
        category: 'suite-error',
        line: `the run was ${result.status} before it finished`,
      });
    const records = this.collect(result);
    const base = this.baseDir();
    const outDir = resolve(base, this.options.outputDir ?? REPORTS_DIR);
    // Out of time (--global-timeout), Playwright skips the global teardown that writes a tenant's
    // evidence: what the workers have kept so far replaces an earlier run's files, never left beside
    // this run's report (npm run conformance writes it again once Playwright has exited).
    if (result.status === 'timedout' && this.plan().targets.some((t) => t.spec.mode === 'tenant')) {
      const { tenantEvidenceErrors } = await import('../run/tenant-evidence-errors.ts');
      records.runErrors.push(
        ...(await tenantEvidenceErrors(this.plan(), resultsDirOf(this.config.configFile), outDir)),
      );
    }
    const exitCode = writeRunEnd(records, {
      outDir,
      shard: this.config.shard,
      recordsFile: this.recordsFile(),
      baseline: this.baseline,
      recordsWritten: () => {
        this.records = records;
      },
      say: (line) => this.say(line),
    });
    return statusFor(result, exitCode);
  }

  private recordsFile(): string {
    return resolve(this.baseDir(), this.options.recordsFile ?? RECORDS_FILE);
  }

  private plan(): RunPlan {
    const plan = this.config.metadata.plan as RunPlan | undefined;
    if (!plan) throw new Error('The compliance reporter needs a conformance config (metadata.plan).');
    return plan;
  }

  // Every reporter has ended, Playwright's JUnit reporter among them: junit/junit-after-run.ts.
  async onExit(): Promise<void> {
    alignJunitAfterRun(this.config, this.records, this.startedAt.getTime(), (line) => this.say(line));
  }

  private collect(result: FullResult): RunRecords {
    const plan = this.plan();
    const targets: Record<string, TargetInfo> = Object.fromEntries(plan.targets.map((t) => [t.name, t.info]));
    const { records: tests, errors } = recordsOfTests(this.suite.allTests(), plan, {
      rootDir: this.config.rootDir,
      repoDir: this.baseDir(),
      notStarted: whyNotStarted({
        status: result.status,
        maxFailures: this.config.maxFailures,
        runErrors: this.runErrors.length,
      }),
    });
    this.runErrors.push(...errors);
    // Playwright's own output shows the failure, if any, never why it counts for no requirement.
    for (const error of errors) this.say(`compliance: suite error: ${error.line}`);
    const records: RunRecords = {
      version: 1,
      suite: suiteInfo(),
      runId: plan.runId,
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(result.duration),
      targets,
      runErrors: this.runErrors,
      tests,
    };
    if (this.config.shard) records.shard = this.config.shard;
    const narrowedBy = scrubValue(testSelection());
    if (narrowedBy.length > 0) records.narrowedBy = narrowedBy;
    return records;
  }

  // Where the config file is: the reports' paths are relative to it.
  private baseDir(): string {
    return dirname(this.config.configFile ?? resolve('playwright.config.ts'));
  }

  private say(line: string): void {
    if (!this.options.quiet) console.log(line);
  }
}

// Playwright's own exit status follows the conformance verdict: a SHOULD failure or a known deviation
// does not fail the run, a MUST failure or an error does.
function statusFor(result: FullResult, exitCode: ExitCode): { status: FullResult['status'] } {
  if (result.status === 'interrupted' || result.status === 'timedout') return { status: result.status };
  return { status: exitCode === EXIT.CONFORMING ? 'passed' : 'failed' };
}
