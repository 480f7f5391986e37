import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { narrowedRun } from '../../../src/reporters/compliance/partial-run.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { testSelection } from '../../../src/reporters/compliance/test-selection.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { now, registry } from '../helpers/sample-report.ts';

// `npm run conformance -- --grep-invert "Failed|Cancelled action"` ran 73 of the 75 tests, one of
// CANCEL.FINAL's three, and every requirement kept a test: compliance.md read "**Conforming** (exit 0)"
// and "CANCEL.FINAL | MUST | PASS | 1/1", as a whole run does. Playwright hands the reporters only the
// tests it kept; the command line is what says the run was narrowed.
test.afterEach(removeTempDirs);

const runner = (...args: string[]) => [
  '/usr/bin/node',
  '/x/node_modules/@playwright/test/cli.js',
  'test',
  ...args,
];

test('the options and file filters that narrow the tests are read from the runner command line', () => {
  expect(testSelection(runner('-c', 'playwright.config.ts'))).toEqual([]);
  // Options that change how tests run, not which: not narrowing, and their values are no file filter.
  const notNarrowing = [
    '--shard=1/2',
    '--retries',
    '2',
    '--repeat-each',
    '3',
    '-j',
    '1',
    '--timeout',
    '5000',
  ];
  expect(testSelection(runner('-c', 'p.ts', ...notNarrowing, '--shuffle', '42', '-x'))).toEqual([]);
  // A project names a target: one left out has no test, which the report's notRun says already.
  expect(testSelection(runner('--project', 'embedded', 'fault:x', '--retries', '1'))).toEqual([]);
  expect(testSelection(runner('-c', 'p.ts', '--grep-invert', 'Failed|Cancelled action'))).toEqual([
    '--grep-invert Failed|Cancelled action',
  ]);
  expect(testSelection(runner('--grep=@CANCEL.OK', '-g', '@must', '--last-failed'))).toEqual([
    '--grep @CANCEL.OK',
    '-g @must',
    '--last-failed',
  ]);
  expect(
    testSelection(runner('-c', 'p.ts', 'tests/conformance/cancel.spec.ts:12', '--only-changed')),
  ).toEqual(['tests/conformance/cancel.spec.ts:12', '--only-changed']);
  // Not a runner's command line (a script that imports the reporters): nothing to read.
  expect(testSelection(['/usr/bin/node', 'scripts/report.ts', '--no-allure'])).toEqual([]);
});

// Playwright takes a short option's value joined to it, and short flags run together (`-g@CANCEL.OK`,
// `-xG Failed`): such a run read as whole, its headline without "partial".
test('a short option with its value joined, or after other short flags, narrows as alone', () => {
  expect(testSelection(runner('-g@CANCEL.OK', '-xG', 'Failed', '-j2', 'tests/x.spec.ts'))).toEqual([
    '-g @CANCEL.OK',
    '-G Failed',
    'tests/x.spec.ts',
  ]);
  expect(testSelection(runner('-xj', '2', '-cp.ts', '-uall'))).toEqual([]);
});

// Playwright's --project takes the names that follow it, but not after --project=NAME: a file filter
// there narrows the run, and read as a project name the run reported as whole.
test('a file filter after --project=NAME narrows the run; after --project NAME it is a project', () => {
  expect(testSelection(runner('--project=conformance', 'tests/x.spec.ts'))).toEqual(['tests/x.spec.ts']);
  expect(testSelection(runner('--project', 'conformance', 'conformance-clock'))).toEqual([]);
});

// Playwright's --shuffle takes any seed that follows it, not only digits (`--shuffle not-found.spec.ts`
// runs every test, in an order seeded by that text): read as a file filter, a whole run reported as
// partial, and MDE_REQUIRE_MUST_COVERAGE failed it.
test('whatever follows --shuffle without a dash is its seed, not a file filter', () => {
  expect(testSelection(runner('--shuffle', 'not-found.spec.ts'))).toEqual([]);
  expect(testSelection(runner('--shuffle', '-x', 'not-found.spec.ts'))).toEqual(['not-found.spec.ts']);
});

// Before: what followed `--` was counted as a file filter, a whole run (Playwright filters by none of it:
// `playwright test -- cancel.spec.ts` lists all the tests) reported as partial; and a negative number,
// which Playwright takes as a file filter, was not counted, a narrowed run reported as whole.
test('arguments after -- narrow nothing; a negative number is a file filter', () => {
  expect(testSelection(runner('--list', '--', 'tests/x.spec.ts'))).toEqual([]);
  expect(testSelection(runner('tests/x.spec.ts', '--', 'tests/y.spec.ts'))).toEqual(['tests/x.spec.ts']);
  expect(testSelection(runner('-5'))).toEqual(['-5']);
});

// Every requirement kept a test: notRun is empty, and only the selection tells the run was partial.
const everyOne = () => registry.requirements.map((r) => testRecord({ title: r.id, requirements: [r.id] }));

test('a narrowed run in which every requirement kept a test reads as partial, not as a whole run', () => {
  const records = runRecords(everyOne(), { narrowedBy: ['--grep-invert Failed'] });
  const report = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  expect(report.summary.notRun).toEqual([]);
  expect(report.summary.narrowedBy).toEqual(['--grep-invert Failed']);
  // The code stays the verdict on what ran; its reason and the headline say it is not the whole suite.
  expect(report.summary.exitCode).toBe(0);
  expect(report.summary.exitReason).toContain(narrowedRun(['--grep-invert Failed']));
  const md = renderMarkdown(report);
  expect(md).toContain('**Conforming, partial run** (exit 0)');
  expect(md).toContain('> Partial run: the command line selected the tests (--grep-invert Failed)');
  expect(md).not.toContain('**Conforming** (exit 0)');

  const whole = buildComplianceReport({
    records: runRecords(everyOne()),
    targetName: 'embedded',
    registry,
    now,
  });
  expect(whole.summary.narrowedBy).toEqual([]);
  expect(renderMarkdown(whole)).toContain('**Conforming** (exit 0)');
});

test('shards narrowed by a --grep merge into a narrowed run', () => {
  const shard = (current: number, narrowedBy?: string[]) =>
    runRecords(everyOne(), { shard: { current, total: 2 }, ...(narrowedBy ? { narrowedBy } : {}) });
  expect(mergeRecords([shard(1, ['--grep @must']), shard(2, ['--grep @must'])]).narrowedBy).toEqual([
    '--grep @must',
  ]);
  expect(mergeRecords([shard(1), shard(2)]).narrowedBy).toBeUndefined();
});

// A narrowed run reads fewer open points: it must not replace a whole run's calibration.
test('a narrowed run in which every requirement kept a test does not replace a fuller observed profile', () => {
  const outDir = tempDir('narrowed-');
  mkdirSync(outDir, { recursive: true });
  const point = (text: string) => ({
    kind: 'reading' as const,
    point: 'unknown-id' as const,
    reading: { status: 404, code: 'NotFound' },
    evidence: { exchange: text, status: 404 },
  });
  const final = {
    kind: 'reading' as const,
    point: 'final-state-cancel' as const,
    reading: { status: 409, code: 'Conflict' },
    evidence: { exchange: 'POST /x → 409', status: 409 },
  };
  const all = registry.requirements.map((r) => r.id);
  const whole = runRecords([testRecord({ requirements: all, findings: [point('GET /x → 404'), final] })]);
  writeComplianceReports(whole, { outDir, registry, requireMust: false });
  const narrowed = runRecords([testRecord({ requirements: all, findings: [point('GET /x → 404')] })], {
    narrowedBy: ['--grep-invert Failed'],
  });
  writeComplianceReports(narrowed, { outDir, registry, requireMust: false });
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(true);
});
