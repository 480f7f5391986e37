import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import { applyAllureStatuses } from '../../../src/reporters/allure/allure-statuses.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { config, type Report } from '../helpers/inline-suite.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import {
  details,
  finding,
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// `npm run conformance -- --retries=1` against a target that refused a cancel of a Failed action once
// and accepted it (200) on the retry: the records kept the last attempt only, so CANCEL.FINAL read PASS,
// the run "Conforming" (exit 0), and junit.xml a passed test, though the target was seen violating a
// MUST. A failed assertion is evidence and wins (verdict.ts): a retry that passed does not undo it. An
// attempt that reached no verdict (a lost exchange) proves nothing, so a retry that passes does count.
const lost = finding({ kind: 'no-verdict', cause: 'wire', code: 'RESET', text: 'connection reset' });
const violation = finding({ kind: 'violation', id: 'SCHEMA.ENTITY', text: 'status: must be string' });
const SPEC = `
import { expect, test } from '@playwright/test';
test('a cancel without Authorization answers 401', ${details('AUTH.MISSING')}, async ({}, testInfo) => {
  if (testInfo.retry === 0) {
    testInfo.annotations.push(${lost});
    throw new Error('TransportError: connection reset');
  }
});
test('cancel of a Failed action is refused', ${details('CANCEL.FINAL')}, async ({}, testInfo) => {
  if (testInfo.retry === 0) {
    testInfo.annotations.push(${violation});
    expect(200, 'status of the cancel').toBe(400);
  }
});
`;

// Allure's reporter beside the compliance reporter: its test reads the same run (a run with retries
// starts three workers, seconds each on a loaded machine).
const ALLURE = join(repoRoot, 'src', 'reporters', 'allure', 'allure-reporter.ts');
let runs: Record<'retried', Promise<InlineRun>>;
test.beforeAll(() => {
  const dir = inlineWorkspace({
    'playwright.config.ts': config(['embedded'], [`['${ALLURE}', { resultsDir: 'allure-results' }]`]),
    'a.spec.ts': SPEC,
  });
  runs = { retried: runInline(dir, ['--retries=1']) };
});
// Every test's directories go at the end: the run's workspace is read by more than one test.
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a contract violation seen on an attempt that a retry passed fails the requirement, in every report', async () => {
  const run = await runs.retried;
  const report = run.json<Report>('reports/compliance.json');
  const byId = Object.fromEntries(report.requirements.map((r) => [r.id, r]));
  expect(byId['CANCEL.FINAL'], run.output).toMatchObject({ verdict: 'FAIL' });
  expect(byId['CANCEL.FINAL']!.reason).toContain('expected 400, got 200');
  expect(byId['CANCEL.FINAL']!.reason).toContain('attempt 1 of 2');
  // The violation its exchange showed on that attempt counts as well.
  expect(byId['SCHEMA.ENTITY']).toMatchObject({ verdict: 'FAIL' });
  // A lost exchange proved nothing: the retry that passed decides.
  expect(byId['AUTH.MISSING']).toMatchObject({ verdict: 'PASS' });
  expect(report.summary).toMatchObject({
    exitCode: 1,
    tests: { total: 2, passed: 1, failed: 1, errored: 0, flaky: 2 },
  });
  expect(run.exitCode).toBe(1);
  // junit.xml counts the test as compliance.json does.
  const junit = run.read('reports/junit.xml');
  expect(junit).toMatch(/<testsuites [^>]*failures="1"[^>]*errors="0"/);
  const finalCase = /<testcase name="cancel of a Failed action is refused"[\s\S]*?<\/testcase>/.exec(
    junit,
  )![0];
  expect(finalCase).toContain('<failure');
  expect(finalCase).toContain('attempt 1 of 2');
});

// Allure showed the attempt that lost its exchange as a failed retry, a contract violation, though it
// reached no verdict. The compliance records keep only the last attempt, so the reporter says it.
test('an attempt that reached no verdict and was retried is broken in Allure; a failed one stays failed', async () => {
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

test("the Allure result of a retry that passed after a contract violation is failed, as the test's record", () => {
  const records = runRecords([
    testRecord({
      title: 'cancel of a Failed action is refused',
      requirements: ['CANCEL.FINAL'],
      status: 'passed',
      outcome: 'failed',
      flaky: true,
      error: {
        category: 'contract-violation',
        line: 'cancel of a Failed action is refused: expected 400, got 200 (attempt 1 of 2; a retry passed)',
      },
    }),
    testRecord({ title: 'a cancel without Authorization', requirements: ['AUTH.MISSING'], flaky: true }),
  ]);
  const report = buildComplianceReport({ records, targetName: 'embedded', registry: getRegistry() });
  const dir = tempDir('allure-retried-');
  const result = (name: string, id: string) => ({
    name,
    status: 'passed',
    labels: [
      { name: 'target', value: 'embedded' },
      { name: 'requirement', value: id },
    ],
  });
  writeFileSync(
    join(dir, 'a-result.json'),
    JSON.stringify(result('cancel of a Failed action is refused', 'CANCEL.FINAL')),
  );
  writeFileSync(
    join(dir, 'b-result.json'),
    JSON.stringify(result('a cancel without Authorization', 'AUTH.MISSING')),
  );
  expect(applyAllureStatuses(dir, [report])).toMatchObject({ broken: 0, known: 0 });
  const failedResult = JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8'));
  expect(failedResult.status).toBe('failed');
  expect(failedResult.statusDetails.message).toContain('attempt 1 of 2');
  expect(JSON.parse(readFileSync(join(dir, 'b-result.json'), 'utf8')).status).toBe('passed');
});
