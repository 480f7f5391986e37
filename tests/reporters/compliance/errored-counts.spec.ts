import { getRegistry } from '../../../src/contract/index.ts';
import { complianceLine } from '../../../src/reporters/compliance/compliance-line.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import type { TestRecord } from '../../../src/reporters/records/test-record.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { errored, failed, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A test that reached no verdict (an exchange lost, a control endpoint missing) ran, but proved nothing:
// compliance.md's Tests cell must not count it with those that passed or failed, or "3/3" beside an
// ERROR row reads as three tests that judged the target.
const registry = getRegistry();

function report(tests: TestRecord[]) {
  const everyOther = registry.requirements
    .filter((r) => !tests.some((t) => t.requirements.includes(r.id)))
    .map((r) => testRecord({ title: r.id, requirements: [r.id] }));
  return buildComplianceReport({
    records: runRecords([...everyOther, ...tests]),
    targetName: 'embedded',
    registry,
  });
}

const markdown = (tests: TestRecord[]) => renderMarkdown(report(tests));

const lost = (title: string, id: string) =>
  testRecord({ title, requirements: [id], ...errored(`${title}: /_emulator/clock/advance answered 404`) });

test('an ERROR row counts none of its errored tests as judged, and says how many reached no verdict', () => {
  const md = markdown([lost('final 1', 'CANCEL.FINAL'), lost('final 2', 'CANCEL.FINAL')]);
  expect(md).toMatch(/\| CANCEL\.FINAL \| MUST \| ERROR \| [^|]+ \| 0\/2 \(2 no verdict\) \|/);
});

test('a row mixing passed and errored tests counts only those that passed as judged', () => {
  const md = markdown([
    testRecord({ title: 'tenant read', requirements: ['CANCEL.TENANT'] }),
    testRecord({ title: 'tenant list', requirements: ['CANCEL.TENANT'] }),
    lost('tenant cancel', 'CANCEL.TENANT'),
  ]);
  expect(md).toMatch(/\| CANCEL\.TENANT \| MUST \| ERROR \| [^|]+ \| 2\/3 \(1 no verdict\) \|/);
});

test('a FAIL beside an errored test counts the failure as judged and the errored one apart', () => {
  const md = markdown([
    testRecord({ title: 'refused', requirements: ['CANCEL.FINAL'], ...failed('expected 4xx, got 200') }),
    lost('lost', 'CANCEL.FINAL'),
  ]);
  expect(md).toMatch(/\| CANCEL\.FINAL \| MUST \| FAIL \| [^|]+ \| 1\/2 \(1 failed, 1 no verdict\) \|/);
  // A whole, clean row is unchanged.
  expect(md).toContain('| CANCEL.OK | MUST | PASS |  | 1/1 |');
});

// The line the run ends with: Playwright's own summary calls most of those tests skipped (the harness
// stops a test once it knows it can reach no verdict), so the line says what went unjudged.
test("the run's closing line says how many requirements reached no verdict", () => {
  const lost2 = report([lost('final 1', 'CANCEL.FINAL'), lost('timeout', 'CANCEL.TIMEOUT')]);
  const total = registry.requirements.length;
  // Not the checkout's reports/: a last complete report kept there would add its note to the line.
  const outDir = tempDir('errored-counts-');
  expect(complianceLine(outDir, 3, [lost2])).toBe(
    `compliance: ${outDir}/compliance.md (exit code 3, 2 of ${total} requirements reached no verdict (ERROR))`,
  );
  expect(complianceLine(outDir, 0, [report([])])).toBe(`compliance: ${outDir}/compliance.md (exit code 0)`);
});

// An interrupted run: 2 tests errored and the run itself errored once. "74 tests, 3 errored" read as
// three tests, where junit.xml and Allure count two; the run's own error is said apart.
test('the headline counts errored tests as junit.xml and Allure do, and run errors apart', () => {
  const tests = [lost('final 1', 'CANCEL.FINAL'), lost('timeout', 'CANCEL.TIMEOUT')];
  const everyOther = registry.requirements
    .filter((r) => !['CANCEL.FINAL', 'CANCEL.TIMEOUT'].includes(r.id))
    .map((r) => testRecord({ title: r.id, requirements: [r.id] }));
  const interrupted = buildComplianceReport({
    records: runRecords([...everyOther, ...tests], {
      runErrors: [{ category: 'suite-error', line: 'the run was interrupted before it finished' }],
    }),
    targetName: 'embedded',
    registry,
  });
  expect(interrupted.summary.tests.errored).toBe(2);
  const total = interrupted.summary.tests.total;
  expect(renderMarkdown(interrupted)).toContain(`; ${total} tests, 2 errored; 1 run error.`);
  expect(markdown(tests)).toContain(`; ${total} tests, 2 errored.`);
});

// Faults final-state-500 and no-answer-get-unknown together: CANCEL.FINAL FAIL, GET.NOTFOUND ERROR, exit 1.
// The legend under the table said an ERROR row means "the run exits 3 or 2".
test("the legend's exit codes for ERROR rows hold when a MUST failed beside them", () => {
  const tests = [
    testRecord({ title: 'refused', requirements: ['CANCEL.FINAL'], ...failed('expected 4xx, got 500') }),
    lost('get unknown', 'GET.NOTFOUND'),
  ];
  const both = report(tests);
  expect(both.summary.exitCode).toBe(1);
  const legend = renderMarkdown(both).split('\n').slice(-4).join(' ');
  expect(legend).toContain('the run exits 3 or 2, or 1 where a MUST requirement failed too.');
});
