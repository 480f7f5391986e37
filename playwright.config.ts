import { existsSync } from 'node:fs';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { loadConfig } from './src/harness/config/load-config.ts';
import { describeTarget } from './src/harness/config/target-spec.ts';
import type { TargetWorkerFixtures } from './tests/fixtures/target.fixtures.ts';

// The product config: `npm run conformance` runs the conformance suite with it against the target the
// environment names (docs/writing-tests.md, .env.example). No browser is ever started.
const config = loadConfig();
const target = config.target;
const embedded = target.mode === 'embedded';
const apiHost = embedded ? 'loopback (emulator started by the suite)' : new URL(target.apiBaseUrl).host;
const metadata = {
  target: target.mode,
  targetInfo: {
    mode: target.mode,
    apiHost,
    description: describeTarget(target),
    ...(target.mode === 'embedded'
      ? { profile: target.profile ?? 'default', faults: target.faults ?? [] }
      : {}),
  },
};

const reporter: ReporterDescription[] = [
  ['list'],
  ['junit', { outputFile: 'reports/junit.xml' }],
  ['json', { outputFile: 'test-results/results.json' }],
];
if (existsSync('./src/reporters/compliance-reporter.ts'))
  reporter.push(['./src/reporters/compliance-reporter.ts']);
reporter.push(['allure-playwright', { resultsDir: 'allure-results' }]);

export default defineConfig<unknown, TargetWorkerFixtures>({
  testDir: './tests/conformance',
  outputDir: 'test-results/conformance',
  globalSetup: './tests/fixtures/global-setup.ts',
  globalTeardown: './tests/fixtures/global-teardown.ts',
  forbidOnly: !!process.env.CI,
  // A retry would hide a target that answers differently the second time.
  retries: 0,
  // Embedded: each worker has its own emulator, so tests run in parallel. A shared emulator or a
  // tenant has one clock and one quota: one worker, clock-moving tests last.
  fullyParallel: embedded,
  workers: embedded ? 2 : 1,
  timeout: target.mode === 'tenant' ? 120_000 : 30_000,
  reporter,
  metadata,
  use: { target },
  // With one worker Playwright runs the projects in this order, so the clock-moving tests come last.
  // (A project dependency would skip them whenever a conformance test failed, and would ignore --grep.)
  projects: [
    { name: 'conformance', testIgnore: ['clock/**'], metadata },
    { name: 'conformance-clock', testMatch: ['clock/**/*.spec.ts'], metadata },
  ],
});
