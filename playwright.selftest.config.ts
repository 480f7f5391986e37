import { conformanceConfig } from './src/harness/run/conformance-config.ts';
import { currentRunPlan } from './src/harness/run/run-plan.ts';

// The self-test matrix, driven by scripts/selftest.ts: the conformance suite, unchanged, against every
// emulator profile and fault (and tenant rehearsals), all in one Playwright run. The script writes the
// plan; every target's tests run in workers shared by all targets.
export default conformanceConfig(currentRunPlan(), {
  outputDir: 'test-results/selftest',
  workers: Number(process.env.MDE_SELFTEST_WORKERS ?? 2),
  reporter: [
    [
      './src/reporters/compliance-reporter.ts',
      { outputDir: 'reports/selftest-run', recordsFile: 'test-results/selftest-records.json', quiet: true },
    ],
    ['./src/reporters/progress-reporter.ts'],
  ],
});
