import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { details, finding, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

// A first attempt that lost its exchange and a retry that passed (--retries=1 against a target that
// reset one connection): Allure showed the first attempt as a failed retry, a contract violation, though
// it reached no verdict. The compliance records keep only the last attempt, so the reporter says it.
const REPORTER = join(repoRoot, 'src', 'reporters', 'allure', 'allure-reporter.ts');
const lost = finding({ kind: 'no-verdict', cause: 'wire', code: 'RESET', text: 'connection reset' });
const SPEC = `
import { test, expect } from '@playwright/test';
test('a cancel without Authorization answers 401', ${details('AUTH.MISSING')}, async ({}, testInfo) => {
  if (testInfo.retry === 0) {
    testInfo.annotations.push(${lost});
    throw new Error('TransportError: connection reset');
  }
});
test('cancel of a Failed action is refused', ${details('CANCEL.FINAL')}, async ({}, testInfo) => {
  if (testInfo.retry === 0) expect(200, 'status').toBe(400);
});
`;
const CONFIG = `export default {
  testDir: '.',
  retries: 1,
  metadata: { plan: { runId: 'r', targets: [{ name: 'embedded' }] } },
  reporter: [['${REPORTER}', { resultsDir: 'allure-results' }]],
};
`;

const runs: Record<string, Promise<Awaited<ReturnType<typeof runInline>>>> = {};
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ timeout: 60_000 });

test('an attempt that reached no verdict and was retried is broken in Allure; a failed one stays failed', async () => {
  runs.retried = runInline(inlineWorkspace({ 'retried.spec.ts': SPEC, 'playwright.config.ts': CONFIG }));
  const run = await runs.retried;
  const files = readdirSync(join(run.dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  const results = files.map((f) => run.json(join('allure-results', f)) as { name: string; status: string });
  const statuses = (name: string) =>
    results
      .filter((r) => r.name === name)
      .map((r) => r.status)
      .sort();
  expect(statuses('a cancel without Authorization answers 401'), run.output).toEqual(['broken', 'passed']);
  expect(statuses('cancel of a Failed action is refused')).toEqual(['failed', 'passed']);
});
