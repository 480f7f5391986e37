import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { KEPT_WORKER_NOTE } from '../../harness/run/kept-worker.ts';

// First in a run's reporters: a test failed and marked expected under KEPT_WORKER_NOTE is a failure
// again before the next reporter reads it. Playwright hands every reporter the same objects and judges
// the run's outcome from them at its end; it had already kept the worker when the test ended.
export default class KeptWorkerReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    restoreFailure(test, result);
  }
}

function restoreFailure(test: TestCase, result: TestResult): void {
  const kept = (a: { type: string; description?: string }) =>
    a.type === 'fail' && a.description === KEPT_WORKER_NOTE;
  if (test.expectedStatus !== 'failed' || !result.annotations.some(kept)) return;
  (test as { expectedStatus: TestCase['expectedStatus'] }).expectedStatus = 'passed';
  const rest = (annotations: TestResult['annotations']) => annotations.filter((a) => !kept(a));
  (result as { annotations: TestResult['annotations'] }).annotations = rest(result.annotations);
  (test as { annotations: TestCase['annotations'] }).annotations = rest(test.annotations);
}
