import type { StepResult } from 'allure-js-commons';

// allure-playwright (3.x with Playwright 1.53+, allure-js issue #1303) leaves a step's own attachment
// out of it: the step stays empty where it ran, and a copy holding the attachment is added after the
// test's other steps. An exchange's evidence belongs in the exchange's step: each copy's attachments go
// into the earliest empty step of its name not yet given any, in order, and the copy is dropped.
export function foldStepAttachments(steps: StepResult[]): void {
  const filled = new Set<StepResult>();
  for (let i = 0; i < steps.length; i++) {
    const copy = steps[i]!;
    foldStepAttachments(copy.steps);
    if (copy.attachments.length === 0 || copy.steps.length > 0) continue;
    const home = steps
      .slice(0, i)
      .find(
        (s) => s.name === copy.name && !filled.has(s) && s.attachments.length === 0 && s.steps.length === 0,
      );
    if (!home) continue;
    home.attachments.push(...copy.attachments);
    filled.add(home);
    steps.splice(i, 1);
    i--;
  }
}
