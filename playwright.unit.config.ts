import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { machineWorkers } from './src/common/machine-workers.ts';
import { regexpEscape } from './src/common/regexp-escape.ts';

// The project's own tests (npm test): the common pieces, the contract, the emulator, the harness, the
// reporters and the self-test's calibration proof.
// They need no target. The conformance suite itself has its own config (playwright.config.ts).
export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  // Playwright's default is half the cores: one worker on a 2-core CI machine. A worker a core instead
  // (at most one a GiB), and two at least, as before this followed the machine.
  workers: Math.max(2, machineWorkers()),
  // The tests that start a whole run in a child (a Playwright run, npm run conformance) take 5-10 s on
  // an idle 2-core machine and passed 30 s on a loaded one; their children are given 60 s, so are they.
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['dot'], ['json', { outputFile: 'test-results/unit-results.json' }]] : 'list',
  outputDir: 'test-results/unit',
  // On a CI service Playwright would run git first and hand a pull request's diff to every worker.
  captureGitInfo: { commit: false, diff: false },
  // One project, not one per folder: Playwright starts fresh workers for every project, and on Node 20
  // each start compiles Playwright and the suite again. Run one folder by naming it (tests/harness).
  // Anchored at this checkout's tests/: a glob would match any parent directory named like a folder.
  testMatch: new RegExp(
    `^${regexpEscape(fileURLToPath(new URL('tests/', import.meta.url)))}(common|contract|emulator|harness|reporters|selftest)/.*\\.spec\\.ts$`,
  ),
});
