import { expect, test } from '../../helpers/api-test.ts';
import {
  details,
  type InlineRun,
  inlineWorkspace,
  planOf,
  REPORTER,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// A test the verdicts cannot place (no requirement claimed, or no target in a run of several) must
// not vanish from them: the run is a suite error (exit 2) naming the test and what to do.
type Report = { runErrors: { category: string; line: string }[]; summary: { exitCode: number } };

function config(targets: string[]): string {
  return `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', workers: 1,
  reporter: [['${REPORTER}', { quiet: ${targets.length > 1} }]],
  metadata: { plan: ${JSON.stringify(planOf(targets))} },
});`;
}

const UNCLAIMED = `
import { expect, test } from '@playwright/test';
test('an unknown id answers 404', ${details('CANCEL.NOTFOUND')}, async () => {});
test('a check someone forgot to claim', async () => {
  expect(1, 'a failure that must not vanish').toBe(2);
});
`;

// One test inside the targets' describes, as suite() declares them; one outside.
const OUTSIDE_SUITE = `
import { test } from '@playwright/test';
for (const target of ['embedded', 'profile:lenient'])
  test.describe(target, { tag: '@target:' + target }, () => {
    test('an unknown id answers 404', ${details('CANCEL.NOTFOUND')}, async () => {});
  });
test('a test declared outside suite()', ${details('CANCEL.OK')}, async () => {});
`;

let runs: Record<'unclaimed' | 'outsideSuite', Promise<InlineRun>>;
test.beforeAll(() => {
  runs = {
    unclaimed: runInline(
      inlineWorkspace({ 'playwright.config.ts': config(['embedded']), 'a.spec.ts': UNCLAIMED }),
    ),
    outsideSuite: runInline(
      inlineWorkspace({
        'playwright.config.ts': config(['embedded', 'profile:lenient']),
        'a.spec.ts': OUTSIDE_SUITE,
      }),
    ),
  };
});
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a failing test that claims no requirement makes the run a suite error naming it and req()', async () => {
  const run = await runs.unclaimed;
  const report = run.json<Report>('reports/compliance.json');
  expect(report.runErrors).toEqual([
    {
      category: 'suite-error',
      line: `a.spec.ts: "a check someone forgot to claim" claims no requirement: claim its requirements with req('ID') (see docs/writing-tests.md)`,
    },
  ]);
  expect(report.summary.exitCode).toBe(2);
  // Said on the terminal too: Playwright's own output shows the failure, not why it counts for nothing.
  expect(run.output).toContain(`compliance: suite error: ${report.runErrors[0]!.line}`);
});

test('a test outside suite() in a run of several targets is a suite error naming it, not a lost report', async () => {
  const run = await runs.outsideSuite;
  const line =
    'a.spec.ts: "a test declared outside suite()": a test of a run with several targets carries no @target: tag; declare it inside suite().';
  for (const dir of ['embedded', 'profile-lenient']) {
    const report = run.json<Report>(`reports/targets/${dir}/compliance.json`);
    expect(report.runErrors).toEqual([{ category: 'suite-error', line }]);
    expect(report.summary.exitCode).toBe(2);
  }
});
