import { ALLURE_RESULTS_DIR, TEST_RESULTS_DIR } from './src/common/report-files.ts';
import { conformanceConfig } from './src/harness/run/conformance-config.ts';
import { handedRunPlan } from './src/harness/run/run-plan.ts';
import { junitOutputFile } from './src/reporters/junit/junit-file.ts';

// The product: `npm run conformance` runs the conformance suite with this against the target the
// environment names (docs/interfaces.md#target-configuration). No browser is ever started.
// The plan npm run conformance (or the self-test) hands down; a plain `npx playwright test` makes one
// from the environment (the configuration module is loaded only then).
const plan = handedRunPlan() ?? (await import('./src/harness/run/plan-from-config.ts')).planOfThisRunOrExit();

export default conformanceConfig(plan, {
  outputDir: `${TEST_RESULTS_DIR}/conformance`,
  reporter: [
    // First: a failure marked expected to keep its worker is a failure again for all the others.
    ['./src/reporters/run/kept-worker-reporter.ts'],
    // Then: it scrubs Playwright's error messages before the others print or write them.
    ['./src/reporters/run/redacting-reporter.ts'],
    ['list'],
    ['junit', { outputFile: junitOutputFile() }],
    ['./src/reporters/compliance/compliance-reporter.ts'],
    ['./src/reporters/allure/allure-reporter.ts', { resultsDir: ALLURE_RESULTS_DIR }],
  ],
});
