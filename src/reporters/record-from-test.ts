import { relative, sep } from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { type Finding, findingsOf } from '../harness/evidence/finding.ts';
import { oneLine } from './reason-line.ts';
import { scrubValue } from './scrub.ts';
import { outcomeOf } from './test-outcome.ts';
import type { TestRecord } from './test-record.ts';

export const NEVER_STARTED = 'the run stopped before it started';

// A test that never started: the run stopped first (interrupted, timed out, --max-failures). Its NA says
// nothing about the target, as a test a --grep left out does not (compliance-report.ts, notRun).
export function neverStarted(test: { outcome: string; skipReason?: string }): boolean {
  return test.outcome === 'skipped' && test.skipReason === NEVER_STARTED;
}

// Turns one Playwright test (all its attempts) into the record the verdicts are made from.
export function recordFromTest(test: TestCase, rootDir: string, target: string): TestRecord {
  const result = test.results.at(-1);
  // Static annotations (the test details) and runtime ones (findings, skips); Playwright keeps the
  // runtime ones on the result.
  const annotations = [...test.annotations, ...(result?.annotations ?? [])];
  const findings = dedupe(findingsOf(annotations));
  const status = result?.status ?? 'skipped';
  const record: TestRecord = {
    title: oneLine(test.title),
    file: relative(rootDir, test.location.file).split(sep).join('/'),
    line: test.location.line,
    project: test.parent.project()?.name ?? '',
    target,
    status,
    outcome: 'passed',
    durationMs: result?.duration ?? 0,
    ...(result ? { startedAt: result.startTime.toISOString() } : {}),
    requirements: unique(annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')),
    findings: scrubValue(findings),
  };
  if (test.outcome() === 'flaky') record.flaky = true;
  const { outcome, error } = outcomeOf(test, result, findings);
  record.outcome = outcome;
  if (error) record.error = error;
  if (outcome === 'skipped') {
    const own = annotations.find((a) => a.type === 'skip' || a.type === 'fixme');
    const reason = findings.find((f) => f.kind === 'not-applicable')?.text ?? own?.description;
    // A test without any result never started: the run stopped first (interrupted, timed out, or
    // stopped at --max-failures). So did one ended skipped that asked for no skip: a stopped run ends
    // the tests its workers held that way. That is the reason; "did not run" its row says already.
    const stopped = !result || (!own && !reason);
    record.skipReason = oneLine(reason || (stopped ? NEVER_STARTED : 'skipped without a reason'));
  }
  return record;
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
