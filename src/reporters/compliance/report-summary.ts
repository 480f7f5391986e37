import type { Baseline } from '../baseline/baseline.ts';
import { neverStarted } from '../records/record-from-test.ts';
import type { RunRecords, TestRecord } from '../records/test-record.ts';
import { decideOutcome } from '../run/run-outcome.ts';
import { stoppedTarget } from '../run/stopped-target.ts';
import type { BaselineSummary, ComplianceSummary } from './compliance-report.ts';
import { mustsNotJudged } from './must-coverage.ts';
import { narrowedRun, partialRun } from './partial-run.ts';
import type { RequirementResult } from './requirement-results.ts';
import { blocksRun, VERDICTS, type Verdict } from './verdict.ts';

// A target's summary in its compliance report: the verdicts counted, the tests by outcome, the
// problems that kept tests from a verdict, the baseline's reading, and the exit code with its reason.
export function summarize(
  requirements: RequirementResult[],
  tests: TestRecord[],
  records: RunRecords,
  baseline: Baseline | undefined,
  quota: unknown,
  requireMust = false,
): ComplianceSummary {
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of requirements) verdicts[r.verdict] += 1;
  const count = (outcome: TestRecord['outcome']) => tests.filter((t) => t.outcome === outcome).length;
  const erroredTests = tests.filter((t) => t.outcome === 'errored');
  const problems = [...erroredTests.map((t) => t.error!), ...records.runErrors];
  const erroredBy = {
    targetUnreachable: problems.filter((p) => p.category === 'target-unreachable').length,
    suiteError: problems.filter((p) => p.category !== 'target-unreachable').length,
  };
  const blocking = requirements.filter((r) => blocksRun(r.verdict, r.baseline?.status));
  // No claiming test was in the run, or the run stopped before each of them (interrupted, timed out,
  // --max-failures); a violation another test's exchange showed still gives a verdict.
  const notRun = requirements
    .filter((r) => r.verdict === 'NA' && r.tests.every(neverStarted))
    .map((r) => r.id);
  const summary: Omit<ComplianceSummary, 'exitCode' | 'exitReason'> = {
    requirements: requirements.length,
    verdicts,
    mustFailed: requirements.filter((r) => r.verdict === 'FAIL' && r.baseline?.status !== 'known').length,
    shouldWarned: verdicts.WARN,
    tests: {
      total: tests.length,
      passed: count('passed'),
      failed: count('failed'),
      errored: erroredTests.length,
      skipped: count('skipped'),
      flaky: tests.filter((t) => t.flaky).length,
    },
    errored: problems.length,
    erroredBy,
    baseline: baseline ? baselineSummary(baseline, requirements) : null,
    quota: quota ?? null,
    durationMs: records.durationMs,
    notRun,
    narrowedBy: records.narrowedBy ?? [],
  };
  const outcome = decideOutcome({
    problems,
    failed: blocking.filter((r) => r.baseline?.status !== 'stale').map((r) => r.id),
    stale: baseline && {
      file: baseline.file,
      entries: requirements.filter((r) => r.baseline?.status === 'stale'),
    },
    known: requirements
      .filter((r) => r.verdict === 'FAIL' && r.baseline?.status === 'known')
      .map((r) => r.id),
    unjudged: requireMust ? mustsNotJudged(requirements) : [],
    selectedBy: requireMust ? summary.narrowedBy : [],
    stopped: stoppedTarget(erroredTests),
  });
  // The exit code stays the verdict on what ran; the reason says it is not the whole suite.
  // A clause that ends a sentence (a run error's "... says.") is joined as "says; partial run".
  const then = (clause: string) => `${outcome.exitReason.replace(/(?<!\.)\.$/, '')}; ${clause}`;
  if (notRun.length > 0) outcome.exitReason = then(partialRun(notRun.length, requirements.length));
  if (summary.narrowedBy.length > 0)
    outcome.exitReason = then(narrowedRun(summary.narrowedBy, notRun.length > 0));
  return { ...summary, ...outcome };
}

function baselineSummary(baseline: Baseline, requirements: RequirementResult[]): BaselineSummary {
  const withStatus = (status: string) => requirements.filter((r) => r.baseline?.status === status);
  return {
    name: baseline.name,
    file: baseline.file,
    known: withStatus('known').map((r) => r.id),
    stale: withStatus('stale').map(
      (r) =>
        `baseline says ${r.id} ${r.baseline!.expected === 'FAIL' ? 'FAILs' : 'WARNs'} but it ${pastTense(r.verdict)}: update ${baseline.file}`,
    ),
    notExercised: withStatus('not-exercised').map((r) => r.id),
  };
}

function pastTense(verdict: Verdict): string {
  return {
    PASS: 'passed',
    FAIL: 'failed',
    WARN: 'warned',
    NA: 'was not applicable',
    OBSERVED: 'was observed',
    ERROR: 'reached no verdict',
  }[verdict];
}
