import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { KEPT_WORKER_NOTE } from '../../../src/harness/run/kept-worker.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { type InlineRun, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

// A failure marked expected keeps Playwright's worker (keepWorkerAfterFailure, which the suite's
// fixtures call), and the first reporter makes it a failure again: for the list, JUnit and Playwright's
// own exit code. With --retries a failure is still retried, in a new worker, before it is kept.
const KEPT = join(repoRoot, 'src', 'reporters', 'run', 'kept-worker-reporter.ts');
const MARK = pathToFileURL(join(repoRoot, 'src', 'harness', 'run', 'kept-worker.ts')).href;

const SPEC = `
import { appendFileSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';
import { keepWorkerAfterFailure } from ${JSON.stringify(MARK)};
const test = base.extend({
  keepWorker: [async ({}, use, testInfo) => {
    await use(undefined);
    keepWorkerAfterFailure(testInfo);
  }, { auto: true }],
});
test('first fails', async () => {
  appendFileSync('pids.txt', process.pid + '\\n');
  expect(200, 'status of the cancel').toBe(400);
});
test('then passes', async () => {
  appendFileSync('pids.txt', process.pid + '\\n');
});
test('a test that is meant to fail stays as its author marked it', async () => {
  test.fail(true, 'a known bug');
  expect(1).toBe(2);
});
`;

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', workers: 1,
  reporter: [['${KEPT}'], ['junit', { outputFile: 'junit.xml' }], ['list']],
});`;

let runs: Record<'kept' | 'retried', Promise<InlineRun>>;
test.beforeAll(() => {
  const files = { 'playwright.config.ts': CONFIG, 'a.spec.ts': SPEC };
  runs = {
    kept: runInline(inlineWorkspace(files)),
    retried: runInline(inlineWorkspace(files), ['--retries=1']),
  };
});
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a failure marked to keep its worker is reported as a failure, in the same worker', async () => {
  const run = await runs.kept;
  const pids = run.read('pids.txt').trim().split('\n');
  expect(pids).toHaveLength(2);
  expect(pids[0], 'the passing test ran in the failed one’s worker').toBe(pids[1]);
  expect(run.exitCode).toBe(1);
  expect(run.output).toMatch(/1 failed/);
  const junit = run.read('junit.xml');
  const failed = /<testcase name="first fails"[\s\S]*?<\/testcase>/.exec(junit)![0];
  expect(failed).toContain('<failure');
  expect(failed).not.toContain(KEPT_WORKER_NOTE);
  // A test.fail() of the author's own is not the suite's to turn around.
  const meant = /<testcase name="a test that is meant to fail[\s\S]*?(<\/testcase>|\/>)/.exec(junit)![0];
  expect(meant).not.toContain('<failure');
});

test('with --retries a failure is retried first, then kept as a failure', async () => {
  const run = await runs.retried;
  const pids = run.read('pids.txt').trim().split('\n');
  // Its first attempt in one worker, its retry in another, which the passing test then shares.
  expect(pids).toHaveLength(3);
  expect(pids[0]).not.toBe(pids[1]);
  expect(pids[1]).toBe(pids[2]);
  expect(run.exitCode).toBe(1);
  expect(run.output).toMatch(/1 failed/);
});
