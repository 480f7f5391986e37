import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeRecords } from '../../src/reporters/merge-records.ts';
import type { RunRecords } from '../../src/reporters/test-record.ts';
import { expect, test } from '../helpers/api-test.ts';
import {
  details,
  finding,
  type InlineRun,
  inlineWorkspace,
  planOf,
  REPORTER,
  removeWorkspaces,
  runInline,
} from './helpers/run-inline.ts';

type Requirement = {
  id: string;
  verdict: string;
  reason?: string;
  observed?: string;
  baseline?: { status: string };
};
type Report = {
  target: { name: string; mode: string };
  requirements: Requirement[];
  summary: Record<string, unknown>;
};

const SPEC = `
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

// The same without the suite bug: a shard whose only problem is a failed MUST.
const MUST_FAILS = SPEC.replace(/test\('a suite bug[\s\S]*?\n}\);\n/, '');

const PASSING = `
import { test } from '@playwright/test';
for (const n of [1, 2, 3, 4]) test(\`b: an unknown id answers 404 (\${n})\`, ${details('CANCEL.NOTFOUND')}, async () => {});
`;

// The targets travel as data: the plan in the config's metadata; with several targets each test is
// declared once per target and tagged with it, as tests/fixtures/suite.ts does.
function config(targets: string[]): string {
  return `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', fullyParallel: true, workers: 1,
  reporter: [['${REPORTER}', { quiet: true }], ['junit', { outputFile: 'reports/junit.xml' }]],
  metadata: { plan: ${JSON.stringify(planOf(targets))} },
  projects: [{ name: 'conformance' }],
});`;
}

const MULTI_TARGET_SPEC = `
import { expect, test } from '@playwright/test';
for (const target of ['embedded', 'fault:cancel-new-id'])
  test.describe(target, { tag: '@target:' + target }, () => {
    test('an unknown id answers 404', ${details('CANCEL.NOTFOUND')}, async () => {});
    test('cancel answers the requested id', ${details('CANCEL.OK')}, async () => {
      if (target === 'embedded') return;
      test.info().annotations.push(${finding({ kind: 'no-verdict', cause: 'wire', code: 'TRANSPORT', text: 'POST /api/machineactions/{id}/cancel: connection reset before the answer was complete' })});
      // Lost while an assertion ran: Playwright's JUnit reporter calls that a failure, the records an error.
      expect(undefined, 'the answer to the cancel').toBeDefined();
    });
  });
`;

// Each run is a Playwright child process (seconds of CPU); started together, they use every core.
let runs: Record<'oneTarget' | 'multiTarget' | 'shard' | 'shardWithBug' | 'listing', Promise<InlineRun>>;

test.beforeAll(() => {
  const one = inlineWorkspace({ 'playwright.config.ts': config(['embedded']), 'a.spec.ts': SPEC });
  writeFileSync(join(one, 'known.yaml'), '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n');
  const sharded = inlineWorkspace({
    'playwright.config.ts': config(['embedded']),
    'a.spec.ts': MUST_FAILS,
    'b.spec.ts': PASSING,
  });
  // The evidence of an earlier run, which a listing must leave alone.
  const listed = inlineWorkspace({ 'playwright.config.ts': config(['embedded']), 'a.spec.ts': SPEC });
  mkdirSync(join(listed, 'reports'));
  writeFileSync(join(listed, 'reports', 'compliance.json'), '{"earlier": true}');
  mkdirSync(join(listed, 'allure-results'));
  writeFileSync(join(listed, 'allure-results', 'earlier-result.json'), '{}');
  runs = {
    oneTarget: runInline(one, [], { MDE_BASELINE: join(one, 'known.yaml') }),
    multiTarget: runInline(
      inlineWorkspace({
        'playwright.config.ts': config(['embedded', 'fault:cancel-new-id']),
        'a.spec.ts': MULTI_TARGET_SPEC,
      }),
    ),
    shard: runInline(sharded, ['--shard=1/2']),
    shardWithBug: runInline(
      inlineWorkspace({
        'playwright.config.ts': config(['embedded']),
        'a.spec.ts': SPEC,
        'b.spec.ts': PASSING,
      }),
      ['--shard=1/2'],
    ),
    listing: runInline(listed, ['--list']),
  };
});
test.afterAll(() => removeWorkspaces(runs));

// One worker for the file, so beforeAll starts the child runs once even under fullyParallel.
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a one-target run writes compliance.json with verdicts, and a known deviation does not fail it', async () => {
  const run = await runs.oneTarget;
  const report = run.json<Report>('reports/compliance.json');
  const byId = Object.fromEntries(report.requirements.map((r) => [r.id, r]));
  expect(byId['CANCEL.OK']).toMatchObject({ verdict: 'PASS' });
  expect(byId['SCHEMA.CONTENTTYPE']).toMatchObject({
    verdict: 'WARN',
    reason: 'cancel of a Pending action answers 200: answered text/plain',
  });
  expect(byId['CANCEL.FINAL']).toMatchObject({
    verdict: 'FAIL',
    reason: 'cancel of a Succeeded action is rejected: status of the cancel: expected 400, got 200',
    baseline: { status: 'known' },
  });
  expect(byId['CANCEL.NOCOMMENT']).toMatchObject({ verdict: 'OBSERVED', observed: 'accepted with 200' });
  expect(byId['AUTH.EXPIRED']).toMatchObject({ verdict: 'NA', reason: 'the target cannot move its clock' });
  // A TypeError of the suite reaches no verdict: ERROR, never FAIL, and the run proves nothing (exit 2).
  expect(byId['CANCEL.PERSIST']).toMatchObject({ verdict: 'ERROR' });
  expect(byId['CANCEL.PERSIST']!.reason).toContain(
    "a suite bug is not a verdict on the target: TypeError: Cannot read properties of undefined (reading 'id')",
  );
  expect(report.summary).toMatchObject({
    mustFailed: 0,
    errored: 1,
    erroredBy: { suiteError: 1 },
    exitCode: 2,
  });
  expect(run.exitCode).toBe(1);
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.FINAL | MUST | FAIL (known deviation) |');
  const junit = run.read('reports/junit.xml');
  expect(junit).toContain('<property name="requirement" value="CANCEL.FINAL">');
  // The known deviation's test stays a failure there, marked as one that does not fail the run.
  const finalCase = /<testcase name="cancel of a Succeeded action is rejected"[\s\S]*?<\/testcase>/.exec(
    junit,
  )![0];
  expect(finalCase).toContain('<property name="known-deviation" value="CANCEL.FINAL">');
  expect(finalCase).toContain('<failure');
  expect(junit).not.toMatch(/<testcase name="a suite bug[^>]*>(?:(?!<\/testcase>)[\s\S])*known-deviation/);
  expect(run.json<RunRecords>('test-results/compliance-records.json').tests).toHaveLength(5);
});

test('a multi-target run writes one report per target and an index of verdicts', async () => {
  const run = await runs.multiTarget;
  const index = run.json<{
    targets: { name: string; dir: string; exitCode: number; verdicts: Record<string, string> }[];
  }>('reports/targets/index.json');
  expect(index.targets.map((t) => [t.name, t.dir, t.exitCode, t.verdicts['CANCEL.OK']])).toEqual([
    ['embedded', 'targets/embedded', 0, 'PASS'],
    ['fault:cancel-new-id', 'targets/fault-cancel-new-id', 3, 'ERROR'],
  ]);
  const bad = run.json<Report>('reports/targets/fault-cancel-new-id/compliance.json');
  expect(bad.target).toMatchObject({ name: 'fault:cancel-new-id', mode: 'embedded' });
  expect(bad.summary).toMatchObject({ errored: 1, erroredBy: { targetUnreachable: 1, suiteError: 0 } });
  expect(bad.requirements.find((r) => r.id === 'CANCEL.OK')!.reason).toBe(
    'cancel answers the requested id: POST /api/machineactions/{id}/cancel: connection reset before the answer was complete',
  );
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.OK | PASS | ERROR |');
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.NOTFOUND | PASS | PASS |');
  expect(run.exitCode).toBe(1);
  // Playwright's JUnit reporter, listed after the compliance reporter, wrote the lost exchange as a
  // failure; once every reporter has ended it is an error there too, as the records judged it.
  const lost = run
    .read('reports/junit.xml')
    .match(/<testcase name="fault:cancel-new-id › cancel answers[\s\S]*?<\/testcase>/)![0];
  expect(lost).toContain('<error');
  expect(lost).not.toContain('<failure');
});

// Merging is checked for equivalence in shard-merge.spec.ts; here, what one shard run writes.
test('a shard run writes its records under reports/shards/ and no whole-run report', async () => {
  const run = await runs.shard;
  const shard = run.json<RunRecords>('reports/shards/shard-1-of-2.json');
  expect(shard.shard).toEqual({ current: 1, total: 2 });
  expect(shard.tests.map((t) => t.title)).toEqual(
    expect.arrayContaining(['cancel of a Succeeded action is rejected']),
  );
  expect(shard.tests).toHaveLength(4);
  // What it holds has a failed MUST and nothing errored: its own code says 1 (not 2, "suite error"),
  // for the script to exit with (run-outcome.ts); Playwright's own status says only passed or failed.
  expect(shard.shardExitCode).toBe(1);
  expect(run.json<RunRecords>('test-results/compliance-records.json').shardExitCode).toBe(1);
  // Its half of the evidence would read as NA for everything the other shard ran.
  expect(() => run.read('reports/compliance.json')).toThrow();
  const merged = mergeRecords([shard]);
  expect(merged.runErrors).toEqual([{ category: 'suite-error', line: 'shard 2 of 2 is missing' }]);
});

test('a shard holding a suite bug says 2, whatever else failed: its evidence proves nothing', async () => {
  const run = await runs.shardWithBug;
  const shard = run.json<RunRecords>('reports/shards/shard-1-of-2.json');
  expect(shard.tests.map((t) => t.title)).toContain('a suite bug is not a verdict on the target');
  expect(shard.shardExitCode).toBe(2);
});

test("a listing (--list) runs nothing and leaves the last run's evidence as it was", async () => {
  const run = await runs.listing;
  expect(run.exitCode).toBe(0);
  expect(run.output).toContain('Total: 5 tests in 1 file');
  expect(run.json('reports/compliance.json')).toEqual({ earlier: true });
  expect(existsSync(join(run.dir, 'allure-results', 'earlier-result.json'))).toBe(true);
  expect(existsSync(join(run.dir, 'test-results', 'compliance-records.json'))).toBe(false);
});
