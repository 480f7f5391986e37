import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { type Finding, ofKind } from '../../harness/evidence/finding.ts';
import { reasonLine } from '../compliance/reason-line.ts';
import type { ErrorCategory, TestOutcome } from './test-record.ts';

export interface Outcome {
  outcome: TestOutcome;
  error?: { category: ErrorCategory; line: string };
}

// What one test's last attempt means for a verdict, decided from data, never from message text:
// - a finding that the test reached no verdict (an exchange lost on the wire, the target's set-up or
//   the suite failing) makes it errored, whatever else failed;
// - a failed expect() step is evidence about the target: failed (a contract violation);
// - any other failure (a timeout, an interrupted run, an exception of the suite) is errored.
// The test's own status decides, not Playwright's expectation: the self-test marks a failure as
// expected (so its worker goes on) and still wants it judged as a failure.
export function outcomeOf(test: TestCase, result: TestResult | undefined, findings: Finding[]): Outcome {
  const status = result?.status ?? 'skipped';
  const title = test.title;
  const lost = ofKind(findings, 'no-verdict').at(-1);
  // A test that ended skipped after it recorded that it reached no verdict (a scan refusal the run
  // already knew: tests/fixtures/target.fixtures.ts) is errored; one that recorded why it does not
  // apply stays N/A.
  const notApplicable = ofKind(findings, 'not-applicable').length > 0;
  if (status === 'skipped' && !(result && lost && !notApplicable)) return { outcome: 'skipped' };
  if (status === 'passed') return { outcome: 'passed' };
  if (lost)
    return {
      outcome: 'errored',
      error: {
        category: lost.cause === 'suite' ? 'suite-error' : 'target-unreachable',
        line: reasonLine(lost.text, title),
      },
    };
  if (result?.status === 'interrupted')
    return {
      outcome: 'errored',
      error: { category: 'suite-error', line: `${title}: the run was interrupted` },
    };
  if (result?.status === 'timedOut')
    return {
      outcome: 'errored',
      error: {
        category: 'suite-error',
        line: `${title}: did not finish within its ${duration(test.timeout)} timeout, although no exchange was lost (for a slow target, give more: npm run conformance -- --timeout=<ms>)`,
      },
    };
  const message =
    result?.errors[0]?.message ?? result?.errors[0]?.value ?? `test ${result?.status ?? 'failed'}`;
  if (result && failedExpect(result.steps)) {
    // The contract matchers say what they judged in one line; a plain expect() is summarised.
    const judged = ofKind(findings, 'assertion').at(-1)?.text;
    return {
      outcome: 'failed',
      error: { category: 'contract-violation', line: reasonLine(judged ?? message, title) },
    };
  }
  return { outcome: 'errored', error: { category: 'suite-error', line: reasonLine(message, title) } };
}

function failedExpect(steps: readonly TestStep[]): boolean {
  return steps.some((step) => (step.category === 'expect' && step.error) || failedExpect(step.steps));
}

// "150 ms", "2.5 s", "30 s": `--timeout=150` read "its 0 s timeout" when rounded to whole seconds.
function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}
