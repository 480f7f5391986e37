import { details, finding, planOf, REPORTER } from './run-inline.ts';

// A small conformance suite and its config for the reporter-inline-*.spec.ts runs: one test of each
// outcome (a pass with a violation, an observation, a suite bug, a skip, a failed MUST), and the
// shapes of compliance.json those files read.

export type Requirement = {
  id: string;
  verdict: string;
  reason?: string;
  observed?: string;
  baseline?: { status: string };
};
export type Report = {
  target: { name: string; mode: string };
  requirements: Requirement[];
  summary: Record<string, unknown>;
};

export const SPEC = `
import { expect, test } from '@playwright/test';
test('cancel of a Pending action answers 200', ${details('CANCEL.OK')}, async () => {
  test.info().annotations.push(${finding({ kind: 'violation', id: 'SCHEMA.CONTENTTYPE', text: 'answered text/plain' })});
});
test('cancel without Comment', ${details('CANCEL.NOCOMMENT', 'observe')}, async () => {
  test.info().annotations.push(${finding({ kind: 'observed', id: 'CANCEL.NOCOMMENT', text: 'accepted with 200' })});
});
test('a suite bug is not a verdict on the target', ${details('CANCEL.PERSIST')}, async () => {
  const action = undefined as unknown as { id: string };
  if (action.id) return;
});
test('an expired token answers 401', ${details('AUTH.EXPIRED')}, async () => {
  test.skip(true, 'the target cannot move its clock');
});
// Last: after a failure Playwright starts a new worker for whatever test is left, which costs seconds.
test('cancel of a Succeeded action is rejected', ${details('CANCEL.FINAL')}, async () => {
  expect(200, 'status of the cancel').toBe(400);
});
`;

// The targets travel as data: the plan in the config's metadata; with several targets each test is
// declared once per target and tagged with it, as tests/fixtures/suite.ts does. `more` reporters run
// beside, as source text ("['path', { options }]"): one run then serves the tests of several reports.
export function config(targets: string[], more: string[] = []): string {
  return `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', fullyParallel: true, workers: 1,
  reporter: [['${REPORTER}', { quiet: true }], ['junit', { outputFile: 'reports/junit.xml' }]${more.map((r) => `, ${r}`).join('')}],
  metadata: { plan: ${JSON.stringify(planOf(targets))} },
  projects: [{ name: 'conformance' }],
});`;
}
