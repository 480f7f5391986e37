import type { Registry } from '../../contract/index.ts';
import { WALL_CLOCK } from '../../harness/wall-clock.ts';
import type { Baseline } from '../baseline/baseline.ts';
import type { RunError, RunRecords, TargetInfo } from '../records/test-record.ts';
import type { ExitCode } from '../run/run-outcome.ts';
import { summarize } from './report-summary.ts';
import { collectRequirementResults, type RequirementResult } from './requirement-results.ts';
import type { SuiteInfo } from './suite-info.ts';
import type { Verdict } from './verdict.ts';

export interface ComplianceReport {
  reportVersion: 1;
  generatedAt: string;
  // When the run's tests began, and its id (absent from merged shards): a report rebuilt or merged
  // later is generated then, and must still say when the target was tested.
  startedAt: string;
  runId?: string;
  suite: { name: string } & SuiteInfo;
  target: TargetInfo & { name: string };
  requirements: RequirementResult[];
  runErrors: RunError[];
  summary: ComplianceSummary;
}

export interface ComplianceSummary {
  requirements: number;
  verdicts: Record<Verdict, number>;
  mustFailed: number;
  shouldWarned: number;
  tests: { total: number; passed: number; failed: number; errored: number; skipped: number; flaky: number };
  errored: number;
  erroredBy: { targetUnreachable: number; suiteError: number };
  baseline: BaselineSummary | null;
  quota: unknown;
  durationMs: number;
  // Requirements none of whose tests were in this run (narrowed by --grep, files or projects, or stopped
  // before them: interrupted, timed out, --max-failures): their
  // NA says nothing about the target, and the run is partial evidence.
  notRun: string[];
  // How the command line narrowed the tests (--grep, files, ...; test-selection.ts): a requirement some
  // of whose tests were left out may still read PASS, on the ones kept. Empty for a whole run.
  narrowedBy: string[];
  exitCode: ExitCode;
  // Why the exit code is what it is, one line.
  exitReason: string;
}

export interface BaselineSummary {
  name: string;
  file: string;
  known: string[];
  stale: string[];
  notExercised: string[];
}

export interface ReportInputs {
  records: RunRecords;
  targetName: string;
  registry: Registry;
  baseline?: Baseline;
  quota?: unknown;
  now?: Date;
  // MDE_REQUIRE_MUST_COVERAGE (must-coverage.ts): a MUST left NA fails the run, and so does a command
  // line that selected the tests.
  requireMust?: boolean;
}

export function buildComplianceReport(inputs: ReportInputs): ComplianceReport {
  const { records, targetName, registry, baseline } = inputs;
  const tests = records.tests.filter((t) => t.target === targetName);
  const info = records.targets[targetName];
  if (!info)
    throw new Error(
      `The records name no target "${targetName}"; they know ${Object.keys(records.targets).join(', ')}.`,
    );
  const requirements = collectRequirementResults(tests, registry, baseline, info.mode);
  return {
    reportVersion: 1,
    generatedAt: (inputs.now ?? new Date(WALL_CLOCK.now())).toISOString(),
    startedAt: records.startedAt,
    ...(records.runId ? { runId: records.runId } : {}),
    suite: { name: 'mde-machine-actions-conformance', ...records.suite },
    target: { name: targetName, ...info },
    requirements,
    runErrors: records.runErrors,
    summary: summarize(requirements, tests, records, baseline, inputs.quota, inputs.requireMust),
  };
}
