import type { Level } from '../contract/index.ts';
import { oneLine } from './reason-line.ts';
import type { TestOutcome } from './test-record.ts';

export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'NA' | 'OBSERVED';

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
  // A claiming test errored (suite error, unreachable target): the verdict is not evidence.
  errored: boolean;
}

// The verdict rules of docs/architecture.md ("Verdicts"), in one place.
export function decideVerdict({ level, tests, violations, observed }: VerdictInput): VerdictResult {
  const errored = tests.some((t) => t.outcome === 'errored');
  const ran = tests.filter((t) => t.outcome !== 'skipped');

  if (level === 'OBSERVE') {
    if (ran.length === 0) return { verdict: 'NA', reason: naReason(tests), errored };
    const failed = ran.find((t) => t.outcome !== 'passed');
    const seen = observed.length > 0 ? unique(observed).join('; ') : 'nothing was recorded';
    const note = failed ? ` (${failed.outcome}: ${failed.errorLine ?? failed.title})` : '';
    return { verdict: 'OBSERVED', observed: `${seen}${note}`, errored };
  }

  const failing = ran.find((t) => t.outcome === 'failed' || t.outcome === 'errored');
  if (failing || violations.length > 0) {
    const reason = failing ? (failing.errorLine ?? `${failing.title}: failed`) : violations[0]!;
    const prefix = failing?.outcome === 'errored' ? 'errored, not a verdict on the target: ' : '';
    return { verdict: level === 'MUST' ? 'FAIL' : 'WARN', reason: prefix + reason, errored };
  }
  if (ran.length === 0) return { verdict: 'NA', reason: naReason(tests), errored };
  return { verdict: 'PASS', errored };
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
  // A skipped requirement says nothing about whether the deviation is still there.
  if (actual === 'NA') return 'not-exercised';
  return 'stale';
}

// Whether this requirement alone stops the run from exiting 0.
export function blocksRun(verdict: Verdict, baseline: BaselineStatus | undefined): boolean {
  if (baseline === 'stale') return true;
  return verdict === 'FAIL' && baseline !== 'known';
}
