import type { FullConfig } from '@playwright/test';
import type { RunPlan } from './run-plan.ts';
import { tracedTenantProblem } from './trace-option.ts';

// The first global set-up of a conformance run (conformance-config.ts), in Playwright's runner before
// the suite's own (which signs in to a tenant for its preflight): a `trace` a configuration gives a
// project of a tenant run stops the run here (trace-option.ts says why). The command line's --trace
// was refused sooner (playwright-option-values.ts); the workers check again what a spec sets.
export default function traceGuard(config: FullConfig): void {
  const plan = config.metadata.plan as RunPlan;
  for (const project of config.projects) {
    const problem = tracedTenantProblem(plan, project.use.trace);
    if (problem) throw withoutFrames(new Error(problem));
  }
}

// A refusal of the configuration, not a bug: Playwright prints an error's stack, and this one has none.
function withoutFrames(error: Error): Error {
  error.stack = error.message;
  return error;
}
