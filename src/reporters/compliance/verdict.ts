import type { Level } from '../../contract/index.ts';
import type { TestOutcome } from '../records/test-record.ts';
import { oneLine } from './reason-line.ts';

// ERROR: the tests behind the requirement reached no verdict (an exchange was lost on the wire, the
// target's set-up or the suite failed). It is neither a pass nor a failure of the target.
export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'NA' | 'OBSERVED' | 'ERROR';

export const VERDICTS: readonly Verdict[] = ['PASS', 'FAIL', 'WARN', 'NA', 'OBSERVED', 'ERROR'];

export interface ClaimingTest {
  title: string;
  outcome: TestOutcome;
  // One line: the first error of a failed or errored test.
  errorLine?: string;
  skipReason?: string;
}

export interface VerdictInput {
  level: Level;
  tests: ClaimingTest[];
  // One line each, "<test title>: <what the check saw>".
  violations: string[];
  observed: string[];
}

export interface VerdictResult {
  verdict: Verdict;
  reason?: string;
  observed?: string;
  // A claiming test errored: the verdict is ERROR unless another test found a real violation.
  errored: boolean;
}

// The verdict rules of docs/interfaces.md#verdicts, in one place. A failed assertion or a violation
// is evidence and wins; otherwise a test that reached no verdict makes the row ERROR, never FAIL.
export function decideVerdict({ level, tests, violations, observed }: VerdictInput): VerdictResult {
  const errored = tests.find((t) => t.outcome === 'errored');
  const failed = tests.find((t) => t.outcome === 'failed');
  const ran = tests.filter((t) => t.outcome !== 'skipped');
  const isErrored = errored !== undefined;

  if (level === 'OBSERVE') {
    if (errored) return { verdict: 'ERROR', reason: lineOf(errored), errored: true };
    if (ran.length === 0) return { verdict: 'NA', reason: naReason(tests), errored: false };
    const seen = observed.length > 0 ? unique(observed).join('; ') : 'nothing was recorded';
    const note = failed ? ` (failed: ${lineOf(failed)})` : '';
    return { verdict: 'OBSERVED', observed: `${seen}${note}`, errored: false };
  }

  if (failed || violations.length > 0) {
    const reason = failed ? lineOf(failed) : violations[0]!;
    return { verdict: level === 'MUST' ? 'FAIL' : 'WARN', reason, errored: isErrored };
  }
  if (errored) return { verdict: 'ERROR', reason: lineOf(errored), errored: true };
  if (ran.length === 0) return { verdict: 'NA', reason: naReason(tests), errored: false };
  return { verdict: 'PASS', errored: false };
}

function lineOf(test: ClaimingTest): string {
  return test.errorLine ?? `${test.title}: ${test.outcome}`;
}

function naReason(tests: ClaimingTest[]): string {
  if (tests.length === 0) return 'no test ran for it in this run';
  // Several tests may skip for different reasons; the report keeps one line (the schema caps it).
  const reasons = unique(tests.map((t) => t.skipReason ?? 'skipped without a reason'));
  return oneLine(reasons.join('; '));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// How a verdict compares with what the target's baseline expects (baselines/<name>.yaml).
export type BaselineStatus = 'known' | 'stale' | 'not-exercised';

export function compareWithBaseline(
  actual: Verdict,
  expected: Verdict | undefined,
): BaselineStatus | undefined {
  if (!expected) return undefined;
  if (actual === expected) return 'known';
  // A skipped or errored requirement says nothing about whether the deviation is still there.
  if (actual === 'NA' || actual === 'ERROR') return 'not-exercised';
  return 'stale';
}

// Whether this requirement alone stops the run from exiting 0 as conforming (errors decide separately).
export function blocksRun(verdict: Verdict, baseline: BaselineStatus | undefined): boolean {
  if (baseline === 'stale') return true;
  return verdict === 'FAIL' && baseline !== 'known';
}
