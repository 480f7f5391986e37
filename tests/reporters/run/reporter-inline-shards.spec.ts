import type { RunRecords } from '../../../src/reporters/records/test-record.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { config, SPEC } from '../helpers/inline-suite.ts';
import {
  details,
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// The compliance reporter in one shard of a run: its records and its own exit code, no whole-run report.

// The same without the suite bug: a shard whose only problem is a failed MUST.
const MUST_FAILS = SPEC.replace(/test\('a suite bug[\s\S]*?\n}\);\n/, '');

const PASSING = `
import { test } from '@playwright/test';
for (const n of [1, 2, 3, 4]) test(\`b: an unknown id answers 404 (\${n})\`, ${details('CANCEL.NOTFOUND')}, async () => {});
`;

// Each run is a Playwright child process (seconds of CPU); started together, they use every core.
let runs: Record<'shard' | 'shardWithBug', Promise<InlineRun>>;

test.beforeAll(() => {
  const sharded = inlineWorkspace({
    'playwright.config.ts': config(['embedded']),
    'a.spec.ts': MUST_FAILS,
    'b.spec.ts': PASSING,
  });
  runs = {
    shard: runInline(sharded, ['--shard=1/2']),
    shardWithBug: runInline(
      inlineWorkspace({
        'playwright.config.ts': config(['embedded']),
        'a.spec.ts': SPEC,
        'b.spec.ts': PASSING,
      }),
      ['--shard=1/2'],
    ),
  };
});
test.afterAll(() => removeWorkspaces(runs));

// One worker for the file, so beforeAll starts the child runs once even under fullyParallel.
test.describe.configure({ mode: 'default', timeout: 60_000 });

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
