import { getRegistry } from '../../../src/contract/index.ts';
import { loadBaseline, parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { failed, runRecords, testRecord } from '../helpers/records.ts';

const registry = getRegistry();
const file = 'baselines/x.yaml';
const baseline = parseBaseline(
  '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: the target answers 200\n  link: https://example.org/issue/1\n',
  file,
);

function reportWith(finalFails: boolean) {
  const tests = [
    testRecord({ requirements: ['CANCEL.FINAL'], ...(finalFails ? failed('t: expected 4xx, got 200') : {}) }),
  ];
  return buildComplianceReport({ records: runRecords(tests), targetName: 'embedded', registry, baseline });
}

test('a listed deviation that happens is a known deviation: verdict kept, run not failed', () => {
  const report = reportWith(true);
  const final = report.requirements.find((r) => r.id === 'CANCEL.FINAL')!;
  expect(final.verdict).toBe('FAIL');
  expect(final.baseline?.status).toBe('known');
  expect(report.summary.mustFailed).toBe(0);
  expect(report.summary.exitCode).toBe(0);
  expect(report.summary.baseline?.known).toEqual(['CANCEL.FINAL']);
  // It matches by requirement and verdict, not by the answer: the row shows the run's reason and,
  // where the entry records another, the entry's too.
  expect(renderMarkdown(report)).toContain(
    '| CANCEL.FINAL | MUST | FAIL (known deviation) | t: expected 4xx, got 200; the baseline records another reason: the target answers 200 (https://example.org/issue/1) | 1/1 (1 failed) |',
  );
  // The headline a compliance team files names the failed MUST, not "no MUST requirement failed".
  expect(report.summary.exitReason).toMatch(
    /^no MUST requirement failed other than the baseline's known deviations \(CANCEL\.FINAL\), and nothing errored/,
  );
});

test("a known deviation whose reason is the run's is said once; one that fails another way shows both", () => {
  const row = (runReason: string, entryReason: string) => {
    const entry = parseBaseline(`- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: "${entryReason}"\n`, file);
    const records = runRecords([testRecord({ requirements: ['CANCEL.FINAL'], ...failed(runReason) })]);
    const report = buildComplianceReport({ records, targetName: 'embedded', registry, baseline: entry });
    // Either way the deviation is known and the run conforms: only the row says more.
    expect(report.summary.exitCode).toBe(0);
    return renderMarkdown(report)
      .split('\n')
      .find((line) => line.startsWith('| CANCEL.FINAL |'));
  };
  const refused =
    'cancel of a Succeeded action: POST /api/machineactions/{id}/cancel → 200: status: expected a 4xx status, got 200';
  // The entry copied from an earlier row, whole or its judgement only.
  expect(row(refused, refused)).toBe(
    `| CANCEL.FINAL | MUST | FAIL (known deviation) | ${refused}; as the baseline records | 1/1 (1 failed) |`,
  );
  expect(row(refused, 'Status: expected a 4xx status, got 200.')).toContain('; as the baseline records |');
  // The target now fails CANCEL.FINAL another way than the entry records.
  expect(
    row(
      refused.replace('→ 200', '→ 500').replace('got 200', 'got 500'),
      'status: expected a 4xx status, got 200',
    ),
  ).toContain('; the baseline records another reason: status: expected a 4xx status, got 200 |');
  // A reason too short to say which failure it was matches none.
  expect(row(refused, '200')).toContain('; the baseline records another reason: 200 |');
});

test('a listed deviation that no longer happens fails the run and says what to update', () => {
  const report = reportWith(false);
  expect(report.summary.exitCode).toBe(1);
  // The cause is the baseline, not the requirement (which passed): the headline says so.
  expect(report.summary.exitReason).toMatch(
    /^baseline out of date: CANCEL\.FINAL now passes; remove it from baselines\/x\.yaml; partial run/,
  );
  expect(renderMarkdown(report)).toContain(
    '**Not conforming, partial run** (exit 1): baseline out of date: CANCEL.FINAL now passes; remove it from baselines/x.yaml;',
  );
  expect(report.summary.baseline?.stale).toEqual([
    'baseline says CANCEL.FINAL FAILs but it passed: update baselines/x.yaml',
  ]);
});

test('a new failure next to a baseline still fails the run', () => {
  const tests = [
    testRecord({ requirements: ['CANCEL.FINAL'], ...failed('x') }),
    testRecord({ requirements: ['CANCEL.OK'], ...failed('y') }),
  ];
  const report = buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry,
    baseline,
  });
  expect(report.summary.exitCode).toBe(1);
  expect(report.summary.exitReason).toMatch(/^MUST requirements failed: CANCEL\.OK; partial run/);
});

test('baseline files are validated, naming the file', () => {
  expect(() => parseBaseline('- id: CANCEL.NOPE\n  verdict: FAIL\n  reason: r\n', file)).toThrow(
    'baselines/x.yaml: CANCEL.NOPE is not a requirement of specs/requirements.yaml.',
  );
  expect(() => parseBaseline('- id: CANCEL.FINAL\n  verdict: WARN\n  reason: r\n', file)).toThrow(
    'CANCEL.FINAL is a MUST requirement, so it cannot have verdict WARN (use FAIL).',
  );
  expect(() => parseBaseline('- id: CANCEL.NOCOMMENT\n  verdict: FAIL\n  reason: r\n', file)).toThrow(
    'CANCEL.NOCOMMENT is an OBSERVE requirement, so it cannot have verdict FAIL (OBSERVE requirements never deviate).',
  );
  expect(() => parseBaseline('- id: CANCEL.FINAL\n  reason: r\n', file)).toThrow(
    /baselines\/x\.yaml is not a valid baseline/,
  );
  expect(() => loadBaseline('does-not-exist')).toThrow('baselines/does-not-exist.yaml does not exist');
});

test('a YAML syntax error is one complete line: the file, what is wrong, and where', () => {
  // The parser's first line ends "at line 3, column 1:", its code frame following on other lines.
  expect(() => parseBaseline('- id: CANCEL.FINAL\n  verdict: FAIL\n reason: r\n', file)).toThrow(
    /^baselines\/x\.yaml is not valid YAML: Sequence item without - indicator \(line 3, column 1\)$/,
  );
});

test('the shipped example baseline is valid', () => {
  expect(loadBaseline('example-tenant', registry).entries.length).toBeGreaterThan(0);
});

test('a value outside an enum is refused with the values allowed', () => {
  // A MUST that no run on a target can judge is NA without any baseline entry; NA is no deviation.
  expect(() => parseBaseline('- id: AUTH.EXPIRED\n  verdict: NA\n  reason: r\n', file)).toThrow(
    'baselines/x.yaml is not a valid baseline: /0/verdict must be equal to one of the allowed values: "FAIL", "WARN"',
  );
});
