import { type TestInfo, test } from '@playwright/test';
import { redactValue } from '../redaction/redact-structure.ts';
import { FINDING_ANNOTATION, type Finding, toAnnotation } from './finding.ts';

// The running test, or undefined outside one (worker set-up and teardown, unit tests of the harness).
export function currentTestInfo(): TestInfo | undefined {
  try {
    return test.info();
  } catch {
    return undefined;
  }
}

// Records a finding on the running test, once: the same violation seen twice is one finding. Redacted
// here, in the worker that knows the tokens it was issued: a finding may quote what a target answered
// (a Content-Type header that reflected the bearer token), and the runner's reporters write annotations
// as they get them (Allure's steps, compliance.json), knowing a worker's opaque tokens not at all.
export function recordFinding(finding: Finding, info: TestInfo | undefined = currentTestInfo()): void {
  if (!info) return;
  const annotation = toAnnotation(redactValue(finding));
  const seen = info.annotations.some(
    (a) => a.type === FINDING_ANNOTATION && a.description === annotation.description,
  );
  if (!seen) info.annotations.push(annotation);
}
