import { type TestInfo, test } from '@playwright/test';
import { FINDING_ANNOTATION, type Finding, toAnnotation } from './finding.ts';

// The running test, or undefined outside one (worker set-up and teardown, unit tests of the harness).
export function currentTestInfo(): TestInfo | undefined {
  try {
    return test.info();
  } catch {
    return undefined;
  }
}

// Records a finding on the running test, once: the same violation seen twice is one finding.
export function recordFinding(finding: Finding, info: TestInfo | undefined = currentTestInfo()): void {
  if (!info) return;
  const annotation = toAnnotation(finding);
  const seen = info.annotations.some(
    (a) => a.type === FINDING_ANNOTATION && a.description === annotation.description,
  );
  if (!seen) info.annotations.push(annotation);
}
