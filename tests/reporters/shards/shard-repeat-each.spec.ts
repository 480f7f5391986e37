import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { junitAgreeingWith } from '../../../src/reporters/junit/junit-outcomes.ts';
import { JunitText } from '../../../src/reporters/junit/junit-xml.ts';
import { mergeJunit } from '../../../src/reporters/junit/merge-junit.ts';
import { testsCell } from '../../../src/reporters/records/test-counts.ts';
import type { RunRecords } from '../../../src/reporters/records/test-record.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { config } from '../helpers/inline-suite.ts';
import {
  details,
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// `--repeat-each N` runs each test N times, each a test of its own in the records and the report. Sharded,
// the merge took the repetitions for copies of one test (as it keeps one copy of a test Playwright runs
// on every shard) and kept one: the merged report counted each test once, and a test that failed on
// one repetition and lost its verdict on another read as a failure only (exit 1 where the unsharded run
// exits 2).
const FINAL = `
import { expect, test } from '@playwright/test';
test('cancel of a Succeeded action is rejected', ${details('CANCEL.FINAL')}, async () => {
  if (test.info().repeatEachIndex === 0) expect(200, 'status of the cancel').toBe(400);
  // A suite bug on the second repetition: no verdict.
  const action = undefined as unknown as { id: string };
  if (action.id) return;
});
`;
const NOTFOUND = `
import { test } from '@playwright/test';
test('an unknown id answers 404', ${details('CANCEL.NOTFOUND')}, async () => {});
`;

let runs: Record<'whole' | 'first' | 'second', Promise<InlineRun>>;

test.beforeAll(() => {
  const workspace = () =>
    inlineWorkspace({
      'playwright.config.ts': config(['embedded']),
      // The failing test in the file that runs last: after a failure Playwright starts a new worker
      // for whatever test is left, seconds each (three more in all this way round: a run took ~60 s
      // of its 60 s under load). Shard n runs repetition n-1 of each, the unsharded run a0 b0 a1 b1.
      'a.spec.ts': NOTFOUND,
      'b.spec.ts': FINAL,
    });
  runs = {
    whole: runInline(workspace(), ['--repeat-each', '2']),
    first: runInline(workspace(), ['--repeat-each', '2', '--shard=1/2']),
    second: runInline(workspace(), ['--repeat-each', '2', '--shard=2/2']),
  };
});
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ mode: 'default', timeout: 60_000 });

function judged(records: RunRecords) {
  const report = buildComplianceReport({ records, targetName: 'embedded', registry: getRegistry() });
  const rows = report.requirements
    .filter((r) => r.tests.length > 0)
    .map((r) => [r.id, r.verdict, testsCell(r)]);
  const { tests, errored, exitCode } = report.summary;
  return { rows, tests, errored, exitCode };
}

test('a sharded --repeat-each run merges into the report of the same run unsharded', async () => {
  const whole = (await runs.whole).json<RunRecords>('test-results/compliance-records.json');
  const shards = [
    (await runs.first).json<RunRecords>('reports/shards/shard-1-of-2.json'),
    (await runs.second).json<RunRecords>('reports/shards/shard-2-of-2.json'),
  ];
  // Each shard drew some of the four repetitions (Playwright shards them apart).
  expect(shards.map((s) => s.tests.length).reduce((a, b) => a + b)).toBe(4);
  const expected = judged(whole);
  expect(expected.tests.total).toBe(4);
  expect(expected.exitCode).toBe(2);
  expect(judged(mergeRecords(shards))).toEqual(expected);
});

// junit.xml counts the tests the compliance report counts (merge-junit.ts): each repetition once.
test('the merged junit.xml of a sharded --repeat-each run holds every repetition', async () => {
  const kinds = (xml: string) =>
    new JunitText()
      .read('junit.xml', xml)
      .suites.flatMap((s) => s.cases.map((c) => c.kind))
      .sort();
  const shards = [await runs.first, await runs.second];
  const records = mergeRecords(
    shards.map((run, i) => run.json<RunRecords>(`reports/shards/shard-${i + 1}-of-2.json`)),
  );
  const files = shards.map((run, i) => ({
    name: `junit-${i + 1}-of-2.xml`,
    xml: run.read('reports/junit.xml'),
  }));
  const merged = junitAgreeingWith(mergeJunit(files, records.tests), records).xml;
  const whole = kinds((await runs.whole).read('reports/junit.xml'));
  expect(whole).toHaveLength(4);
  expect(kinds(merged)).toEqual(whole);
});
