import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { config, SPEC } from '../helpers/inline-suite.ts';
import { type InlineRun, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

// A listing (--list) with the compliance reporter: nothing runs, nothing is written.
let runs: Record<'listing', Promise<InlineRun>>;

test.beforeAll(() => {
  // The evidence of an earlier run, which a listing must leave alone.
  const listed = inlineWorkspace({ 'playwright.config.ts': config(['embedded']), 'a.spec.ts': SPEC });
  mkdirSync(join(listed, 'reports'));
  writeFileSync(join(listed, 'reports', 'compliance.json'), '{"earlier": true}');
  mkdirSync(join(listed, 'allure-results'));
  writeFileSync(join(listed, 'allure-results', 'earlier-result.json'), '{}');
  runs = {
    listing: runInline(listed, ['--list']),
  };
});
test.afterAll(() => removeWorkspaces(runs));

// One worker for the file, so beforeAll starts the child runs once even under fullyParallel.
test.describe.configure({ mode: 'default', timeout: 60_000 });

test("a listing (--list) runs nothing and leaves the last run's evidence as it was", async () => {
  const run = await runs.listing;
  expect(run.exitCode).toBe(0);
  expect(run.output).toContain('Total: 5 tests in 1 file');
  expect(run.json('reports/compliance.json')).toEqual({ earlier: true });
  expect(existsSync(join(run.dir, 'allure-results', 'earlier-result.json'))).toBe(true);
  expect(existsSync(join(run.dir, 'test-results', 'compliance-records.json'))).toBe(false);
});
