import { conformanceConfig } from '../../../src/harness/run/conformance-config.ts';
import type { RunPlan } from '../../../src/harness/run/run-plan.ts';
import { runWorkers } from '../../../src/harness/run/run-workers.ts';
import { expect, test } from '../../helpers/api-test.ts';

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

// The self-test's plan: tenant rehearsals (shared) beside emulators started per worker (isolated). Each
// shared target gets a worker of its own beside the isolated targets' two, so neither waits for the other.
test('shared targets run in workers of their own beside the isolated targets, whose workers stay two', () => {
  const plan = {
    runId: 'r',
    testTimeoutMs: 1000,
    targets: [
      { name: 'rehearsal:a', spec: { mode: 'tenant' }, info: {} },
      { name: 'rehearsal:b', spec: { mode: 'tenant' }, info: {} },
      { name: 'fault:x', spec: { mode: 'embedded' }, info: {} },
      { name: 'independent:a', spec: { mode: 'emulator', slots: ['u0', 'u1', 'u2', 'u3'] }, info: {} },
    ],
  } as unknown as RunPlan;
  const config = conformanceConfig(plan, { outputDir: 'out', reporter: [] }, ['node', 'cli.js', 'test']);
  expect(config.workers).toBe(4);
  const projects = config.projects!;
  expect(projects.map((p) => [p.name, p.workers])).toEqual([
    ['rehearsal:a', 1],
    ['rehearsal:b', 1],
    ['conformance', 2],
  ]);
});

test('a run of isolated targets alone has two workers, and a shared target alone one', () => {
  expect(runWorkers({ isolated: 3, shared: 0 })).toBe(2);
  expect(runWorkers({ isolated: 0, shared: 1 })).toBe(1);
  expect(runWorkers({ isolated: 0, shared: 2 })).toBe(2);
});
