import { conformanceConfig } from './src/harness/run/conformance-config.ts';
import { handedRunPlan } from './src/harness/run/run-plan.ts';
import { selftestWorkers } from './src/selftest/selftest-selection.ts';

// The self-test matrix, driven by scripts/selftest.ts: the conformance suite, unchanged, against every
// emulator profile and fault (and tenant rehearsals), all in one Playwright run. The script writes the
// plan; every target's tests run in workers shared by all targets.
// The plan npm run conformance (or the self-test) hands down; a plain `npx playwright test` makes one
// from the environment (the configuration module is loaded only then).
const plan = handedRunPlan() ?? (await import('./src/harness/run/plan-from-config.ts')).planOfThisRun();

export default conformanceConfig(plan, {
  outputDir: 'test-results/selftest',
  workers: selftestWorkers(process.env),
  reporter: [
    [
      './src/reporters/compliance/compliance-reporter.ts',
      { outputDir: 'reports/selftest-run', recordsFile: 'test-results/selftest-records.json', quiet: true },
    ],
    ['./src/reporters/run/progress-reporter.ts'],
  ],
});
