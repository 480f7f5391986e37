import type { TestInfo } from '@playwright/test';

// Playwright replaces a worker after every failed test, which costs a conformance run a second or more
// a failure (a worker's start and its first, cold test): an emulator that fails 13 tests took 25.7 s
// instead of 6.6 s. The suite's tests leave nothing behind in a worker (each has its own driver, apps
// and actions), so a failure is marked expected under this note, which keeps the worker
// (tests/fixtures/target.fixtures.ts), and the run's first reporter turns it back into the failure it
// was before any other reporter reads it (src/reporters/run/kept-worker-reporter.ts).
export const KEPT_WORKER_NOTE = 'failed; marked expected only so that Playwright keeps its worker';

// At a test's end: marks its failure so. Not a test.fail() of the test's own, whose expected failure
// keeps the worker already; not an attempt with a retry left (--retries), which Playwright makes only
// of a failure, in a new worker.
export function keepWorkerAfterFailure(testInfo: TestInfo): void {
  if (testInfo.status !== 'failed' || testInfo.expectedStatus !== 'passed') return;
  if (testInfo.retry < testInfo.project.retries) return;
  testInfo.fail(true, KEPT_WORKER_NOTE);
}
