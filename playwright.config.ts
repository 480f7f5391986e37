import { conformanceConfig } from './src/harness/run/conformance-config.ts';
import { currentRunPlan } from './src/harness/run/run-plan.ts';

// The product: `npm run conformance` runs the conformance suite with this against the target the
// environment names (docs/interfaces.md#target-configuration). No browser is ever started.
export default conformanceConfig(currentRunPlan(), {
  outputDir: 'test-results/conformance',
  reporter: [
    ['list'],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['./src/reporters/compliance-reporter.ts'],
    ['allure-playwright', { resultsDir: 'allure-results' }],
  ],
});
