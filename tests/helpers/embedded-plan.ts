import type { RunPlan } from '../../src/harness/run/run-plan.ts';

// A run plan of bundled emulators with these names, as the conformance config hands it to the runner:
// for test runs and listings that need targets but no configuration of their own.
export function embeddedPlan(
  names: readonly string[],
  {
    runId,
    exchanges,
    description = (name) => name,
  }: {
    runId: string;
    exchanges: RunPlan['exchanges'];
    description?: (name: string) => string;
  },
): RunPlan {
  return {
    runId,
    requestTimeoutMs: 10_000,
    testTimeoutMs: 30_000,
    exchanges,
    targets: names.map((name) => ({
      name,
      spec: { mode: 'embedded' },
      info: { mode: 'embedded', apiHost: 'loopback', description: description(name) },
    })),
  };
}
