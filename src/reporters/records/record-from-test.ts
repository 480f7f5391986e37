import { relative, sep } from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { type Finding, findingsOf, ofKind } from '../../harness/evidence/finding.ts';
import { oneLine } from '../compliance/reason-line.ts';
import { scrubValue } from '../compliance/scrub.ts';
import { type Outcome, outcomeOf } from './test-outcome.ts';
import type { TestRecord } from './test-record.ts';

export const NEVER_STARTED = 'the run stopped before it started';
// The same in a run that went on (no Ctrl-C, no --global-timeout, no --max-failures): a worker killed
// mid-test (out of memory, SIGKILL) takes its file's later tests with it. "The run stopped" was untrue there.
const NOT_STARTED_RUN_WENT_ON =
  'Playwright did not start it, though the run went on: its worker exited, or a project it depends on failed';

// Why the run's tests that never started did not: a run that went on to its end (no Ctrl-C, no
// --global-timeout, no --max-failures, no error of its own such as a failed global set-up) lost a worker.
export function whyNotStarted(run: { status: string; maxFailures: number; runErrors: number }): string {
  const stopped =
    run.runErrors > 0 ||
    run.status === 'interrupted' ||
    run.status === 'timedout' ||
    (run.maxFailures > 0 && run.status === 'failed');
  return stopped ? NEVER_STARTED : NOT_STARTED_RUN_WENT_ON;
}

// A test that never started: the run stopped first (interrupted, timed out, --max-failures), or its worker
// was lost. Its NA says nothing about the target, as a test a --grep left out does not (compliance-report.ts, notRun).
export function neverStarted(test: { outcome: string; skipReason?: string }): boolean {
  return (
    test.outcome === 'skipped' &&
    (test.skipReason === NEVER_STARTED || test.skipReason === NOT_STARTED_RUN_WENT_ON)
  );
}

// Turns one Playwright test (all its attempts) into the record the verdicts are made from. `notStarted`:
// why a test without a start of its own did not run, as the run ended (compliance-reporter.ts).
export function recordFromTest(
  test: TestCase,
  rootDir: string,
  target: string,
  notStarted: string = NEVER_STARTED,
): TestRecord {
  const result = test.results.at(-1);
  // Static annotations (the test details) and runtime ones (findings, skips); Playwright keeps the
  // runtime ones on the result.
  const annotations = [...test.annotations, ...(result?.annotations ?? [])];
  const earlier = earlierViolation(test);
  const findings = dedupe([...(earlier?.violations ?? []), ...findingsOf(annotations)]);
  const status = result?.status ?? 'skipped';
  const record: TestRecord = {
    title: oneLine(test.title),
    file: relative(rootDir, test.location.file).split(sep).join('/'),
    line: test.location.line,
    project: test.parent.project()?.name ?? '',
    ...(test.repeatEachIndex > 0 ? { repeat: test.repeatEachIndex } : {}),
    target,
    status,
    outcome: 'passed',
    durationMs: result?.duration ?? 0,
    ...(result ? { startedAt: result.startTime.toISOString() } : {}),
    requirements: unique(annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')),
    findings: scrubValue(findings),
  };
  if (test.outcome() === 'flaky') record.flaky = true;
  const last = outcomeOf(test, result, findings);
  // The last attempt's own failure says it best; an earlier one decides only where the retry did not fail.
  const { outcome, error } = last.outcome !== 'failed' && earlier?.failure ? earlier.failure : last;
  record.outcome = outcome;
  if (error) record.error = error;
  if (outcome === 'skipped') {
    const own = annotations.find((a) => a.type === 'skip' || a.type === 'fixme');
    const reason = findings.find((f) => f.kind === 'not-applicable')?.text ?? own?.description;
    // A test without any result never started: the run stopped first (interrupted, timed out, or
    // stopped at --max-failures). So did one ended skipped that asked for no skip: a stopped run ends
    // the tests its workers held that way. That is the reason; "did not run" its row says already.
    const stopped = !result || (!own && !reason);
    record.skipReason = oneLine(reason || (stopped ? notStarted : 'skipped without a reason'));
  }
  return record;
}

// With --retries, what an earlier attempt showed of the target is evidence a retry that passed does not
// undo (verdict.ts: a failed assertion or a violation wins): its failed assertion decides the test's
// outcome, and its exchanges' violations count. An attempt that reached no verdict (a lost exchange)
// proved nothing, and the next attempt decides as if it were the first.
function earlierViolation(test: TestCase): { failure?: Outcome; violations: Finding[] } | undefined {
  const attempts = test.results.slice(0, -1);
  if (attempts.length === 0) return undefined;
  let failure: Outcome | undefined;
  const violations: Finding[] = [];
  attempts.forEach((attempt, i) => {
    const findings = findingsOf([...test.annotations, ...attempt.annotations]);
    violations.push(...ofKind(findings, 'violation'));
    const judged = outcomeOf(test, attempt, findings);
    if (failure || judged.outcome !== 'failed' || !judged.error) return;
    const line = `${judged.error.line} (attempt ${i + 1} of ${test.results.length}; a retry ${test.results.at(-1)!.status})`;
    failure = { outcome: 'failed', error: { ...judged.error, line } };
  });
  return { ...(failure ? { failure } : {}), violations };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
