import { envFileLineWarnings } from '../config/env-file-lines.ts';
import { type HarnessConfig, loadConfig, readEnv } from '../config/load-config.ts';
import { startupOnlyWarnings } from '../config/startup-only-variables.ts';
import { unknownVariableWarnings } from '../config/unknown-variables.ts';
import { ConfigError } from '../errors.ts';
import { targetOptionProblem } from './playwright-option-values.ts';
import { encodeRunPlan, handedRunPlan, RUN_PLAN_VARIABLE, type RunPlan, targetInfo } from './run-plan.ts';

// A run of one target, the one the configuration names (npm run conformance).
export function planFromConfig(config: HarnessConfig): RunPlan {
  return {
    runId: config.runId,
    requestTimeoutMs: config.requestTimeoutMs,
    testTimeoutMs: config.testTimeoutMs,
    targets: [{ name: config.target.mode, spec: config.target, info: targetInfo(config.target) }],
    exchanges: 'full',
  };
}

// The plan of this process: the one the runner handed down, or (a first process, such as a plain
// `npx playwright test`) one made from the configuration and handed down from here on.
export function planOfThisRun(env: NodeJS.ProcessEnv = process.env): RunPlan {
  const handed = handedRunPlan(env);
  if (handed) return handed;
  const plan = planFromConfig(loadConfig(readEnv()));
  env[RUN_PLAN_VARIABLE] = encodeRunPlan(plan);
  return plan;
}

// For a plain `npx playwright test`: a bad environment prints the same one line per problem as
// `npm run conformance`, and exits 2, instead of the runner's stack trace.
export function planOfThisRunOrExit(argv: readonly string[] = process.argv.slice(2)): RunPlan {
  let plan: RunPlan;
  try {
    // Said once, by the process that makes the plan; as npm run conformance, before any error. Inside
    // the try: a .env that cannot be read (UTF-16, a directory) is thrown while they read it, and
    // reached the runner as a stack trace and exit 1.
    if (!handedRunPlan())
      for (const line of [
        ...envFileLineWarnings(),
        ...unknownVariableWarnings(readEnv()),
        ...startupOnlyWarnings(),
      ])
        console.error(line);
    plan = planOfThisRun();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines()) console.error(line);
    process.exit(2);
  }
  // --workers=3 against an emulator already running or a tenant ran the rate tests beside the others
  // (a FAIL on a lawful target): refused here as npm run conformance refuses it. Only the runner's
  // command line holds it; a worker's has none.
  const problem = targetOptionProblem(argv, plan.targets[0]!.spec.mode);
  if (problem) {
    console.error(`conformance: ${problem}`);
    process.exit(2);
  }
  return plan;
}
