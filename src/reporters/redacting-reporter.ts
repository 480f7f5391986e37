import type { Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { scrub } from './scrub.ts';

// Playwright writes its own errors: an expect() failure quotes the value it received, and a test
// compares values the target answered (cancellationComment, status, type). A target that puts the
// bearer token it was sent into such a field had it printed by the list reporter, and written to
// junit.xml and allure-results/, where only the leak scan found it, after it was on the console.
// This reporter comes first in the run's list: Playwright hands every reporter the same objects, so
// each error is scrubbed (secrets, tokens by shape, client ids) before the next reporter reads it.
// Output a test prints (onStdOut) reaches the list reporter's terminal as it comes, and cannot be
// rewritten here; the copies junit.xml and Allure keep of it are.
export default class RedactingReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onError(error: TestError): void {
    scrubError(error);
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    if (step.error) scrubError(step.error);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const error of result.errors) scrubError(error);
    if (result.error) scrubError(result.error);
    for (const step of result.steps) scrubStep(step);
    scrubChunks(result.stdout);
    scrubChunks(result.stderr);
  }
}

// In place: the next reporter reads this very object.
function scrubError(error: TestError): void {
  const e = error as { -readonly [K in keyof TestError]: TestError[K] };
  if (e.message !== undefined) e.message = scrub(e.message);
  if (e.stack !== undefined) e.stack = scrub(e.stack);
  if (e.value !== undefined) e.value = scrub(e.value);
  if (e.snippet !== undefined) e.snippet = scrub(e.snippet);
  if (e.cause) scrubError(e.cause);
}

function scrubStep(step: TestStep): void {
  if (step.error) scrubError(step.error);
  for (const child of step.steps) scrubStep(child);
}

function scrubChunks(chunks: (string | Buffer)[]): void {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    chunks[i] = scrub(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  }
}
