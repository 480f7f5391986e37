import { expect, test } from '@playwright/test';
import { conformanceConfig } from '../../src/harness/run/conformance-config.ts';
import type { RunPlan } from '../../src/harness/run/run-plan.ts';

// A tenant (or one running emulator) has one clock and one quota: its tests run in one worker, project
// after project, and the hour test, which leaves the hour limit used up, runs last.
test('on a shared target the hour test runs last, after the other clock tests, in a project of its own', () => {
  const plan = {
    runId: 'r',
    testTimeoutMs: 1000,
    targets: [{ name: 'tenant', spec: { mode: 'tenant' }, info: {} }],
  } as unknown as RunPlan;
  const config = conformanceConfig(plan, { outputDir: 'out', reporter: [] }, ['node', 'cli.js', 'test']);
  expect(config.workers).toBe(1);
  const projects = config.projects!;
  expect(projects.map((p) => p.name)).toEqual(['conformance', 'conformance-clock', 'conformance-clock-hour']);
  expect(projects[0]!.testIgnore).toEqual(['clock/**/*.spec.ts']);
  expect(projects[1]!).toMatchObject({
    testMatch: ['clock/**/*.spec.ts'],
    testIgnore: ['clock/rate-hour.spec.ts'],
  });
  expect(projects[2]!.testMatch).toEqual(['clock/rate-hour.spec.ts']);
});
