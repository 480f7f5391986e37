import type { Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { IssuedTokens } from '../../harness/redaction/issued-tokens.ts';
import { scrub as scrubConfigured } from '../compliance/scrub.ts';

// The runner knows the configured secrets; the tokens and app secrets the workers were issued it
// knows by their fingerprints only (issued-tokens.ts).
let issued: IssuedTokens | undefined;
function scrub(text: string): string {
  issued ??= new IssuedTokens();
  return issued.redact(scrubConfigured(text));
}

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

// As one text: a secret printed in two writes arrives in two chunks, and neither held it whole (the
// JUnit and Allure reporters join them again).
function scrubChunks(chunks: (string | Buffer)[]): void {
  if (chunks.length === 0) return;
  const text = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk))).toString('utf8');
  chunks.splice(0, chunks.length, scrub(text));
}
