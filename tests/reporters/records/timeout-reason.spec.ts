import type { TestCase, TestResult } from '@playwright/test/reporter';
import { outcomeOf } from '../../../src/reporters/records/test-outcome.ts';
import { expect, test } from '../../helpers/api-test.ts';

// `npm run conformance -- --timeout=150` made every row ERROR "did not finish within its 0 s timeout":
// the timeout was rounded to whole seconds, and a reader could not tell what limit the tests broke.
// A target that answers slowly but lawfully (300 ms a call) timed tests out: the line names the knob.
function timedOut(timeout: number): [TestCase, TestResult] {
  const test = { title: 'cancel of a Pending action answers 200', timeout } as unknown as TestCase;
  const result = { status: 'timedOut', errors: [], steps: [], annotations: [] } as unknown as TestResult;
  return [test, result];
}

test('a test that timed out says its timeout as it was set, below a second too', () => {
  const line = (timeout: number) => outcomeOf(...timedOut(timeout), []).error?.line;
  expect(line(150)).toBe(
    'cancel of a Pending action answers 200: did not finish within its 150 ms timeout, although no exchange was lost (for a slow target, give more: npm run conformance -- --timeout=<ms>)',
  );
  expect(line(2_500)).toContain('within its 2.5 s timeout');
  expect(line(30_000)).toContain('within its 30 s timeout');
  expect(outcomeOf(...timedOut(150), []).outcome).toBe('errored');
});
