import type { StepResult } from 'allure-js-commons';

// allure-playwright (3.x with Playwright 1.53+, allure-js issue #1303) leaves a step's own attachment
// out of it: the step stays empty where it ran, however deep, and a copy holding the attachment is
// added at the top level after the test's other steps. An exchange's evidence belongs in the
// exchange's step: each top-level copy's attachments go into the earliest empty step of its name
// before it (in the order the steps ran) not yet given any, and the copy is dropped.
export function foldStepAttachments(steps: StepResult[]): void {
  const filled = new Set<StepResult>();
  const ran: StepResult[] = [];
  for (let i = 0; i < steps.length; i++) {
    const copy = steps[i]!;
    const isCopy = copy.attachments.length > 0 && copy.steps.length === 0;
    const home = isCopy
      ? ran.find((s) => s.name === copy.name && !filled.has(s) && s.attachments.length === 0)
      : undefined;
    if (!home) {
      collectEmpty(copy, ran);
      continue;
    }
    home.attachments.push(...copy.attachments);
    filled.add(home);
    steps.splice(i, 1);
    i--;
  }
}

// The step and its sub-steps in the order they ran, those without attachments or sub-steps only.
function collectEmpty(step: StepResult, into: StepResult[]): void {
  if (step.steps.length === 0 && step.attachments.length === 0) into.push(step);
  for (const sub of step.steps) collectEmpty(sub, into);
}
