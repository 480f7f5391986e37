import { conformanceConfig } from '../../../src/harness/run/conformance-config.ts';
import type { RunPlan } from '../../../src/harness/run/run-plan.ts';
import { expect, test } from '../../helpers/api-test.ts';

const plan = { runId: 'r', targets: [], testTimeoutMs: 1000 } as unknown as RunPlan;

test('a conformance run collects no git commit or diff, on a CI service either', () => {
  // Playwright's default on a CI service is to collect both before the first worker starts.
  const config = conformanceConfig(plan, { outputDir: 'out', reporter: [] }, ['node', 'cli.js', 'test']);
  expect(config.captureGitInfo).toEqual({ commit: false, diff: false });
});

test('a conformance run refuses a test.only left in a spec, off CI too', () => {
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    const config = conformanceConfig(plan, { outputDir: 'out', reporter: [] }, ['node', 'cli.js', 'test']);
    expect(config.forbidOnly).toBe(true);
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
});
