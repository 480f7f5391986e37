import { type HarnessConfig, loadConfig, readEnv } from '../config/load-config.ts';
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
