import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { applyAllureStatuses } from '../../../src/reporters/allure/allure-statuses.ts';
import { parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { errored, failed, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// An Allure result of the embedded target's test `name` claiming requirement `id`, as allure-playwright writes it.
function allureResult(name: string, id: string, status: 'failed' | 'skipped') {
  return {
    name,
    status,
    labels: [
      { name: 'target', value: 'embedded' },
      { name: 'requirement', value: id },
    ],
  };
}

test('failed Allure results of a known deviation are marked known and linked; others are untouched', () => {
  const registry = getRegistry();
  const baseline = parseBaseline(
    '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n  link: https://example.org/1\n',
    'baselines/x.yaml',
  );
  const records = runRecords([
    testRecord({ requirements: ['CANCEL.FINAL'], ...failed('x') }),
    testRecord({ requirements: ['CANCEL.OK'], ...failed('y') }),
  ]);
  const report = buildComplianceReport({ records, targetName: 'embedded', registry, baseline });
  const dir = tempDir('allure-known-');
  writeFileSync(join(dir, 'a-result.json'), JSON.stringify(allureResult('a test', 'CANCEL.FINAL', 'failed')));
  writeFileSync(join(dir, 'b-result.json'), JSON.stringify(allureResult('a test', 'CANCEL.OK', 'failed')));

  expect(applyAllureStatuses(dir, [report])).toEqual({ known: 1, broken: 0, failed: 0 });
  const known = JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8'));
  expect(known.statusDetails).toEqual({ known: true });
  expect(known.links).toEqual([{ type: 'issue', url: 'https://example.org/1', name: 'known deviation' }]);
  expect(JSON.parse(readFileSync(join(dir, 'b-result.json'), 'utf8')).statusDetails).toBeUndefined();
});

test('a failed Allure result of a test that reached no verdict becomes broken', () => {
  const records = runRecords([
    testRecord({
      title: 'lost',
      requirements: ['CANCEL.OK'],
      ...errored('POST /api/machineactions/{id}/cancel: connection reset'),
    }),
    testRecord({ title: 'judged', requirements: ['CANCEL.FINAL'], ...failed('expected 4xx, got 200') }),
  ]);
  const report = buildComplianceReport({ records, targetName: 'embedded', registry: getRegistry() });
  const dir = tempDir('allure-broken-');
  writeFileSync(join(dir, 'a-result.json'), JSON.stringify(allureResult('lost', 'CANCEL.OK', 'failed')));
  writeFileSync(join(dir, 'b-result.json'), JSON.stringify(allureResult('judged', 'CANCEL.FINAL', 'failed')));

  expect(applyAllureStatuses(dir, [report])).toEqual({ known: 0, broken: 1, failed: 0 });
  expect(JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8')).status).toBe('broken');
  expect(JSON.parse(readFileSync(join(dir, 'b-result.json'), 'utf8')).status).toBe('failed');
});

// A scan the tenant refuses for the configuration ends its tests skipped, with no verdict recorded.
test('a skipped Allure result of a test that reached no verdict becomes broken; a plain skip stays', () => {
  const records = runRecords([
    testRecord({
      title: 'refused',
      requirements: ['CANCEL.OK'],
      status: 'skipped',
      outcome: 'errored',
      error: { category: 'suite-error', line: 'MDE_MACHINE_ID names no device this tenant knows' },
    }),
    testRecord({
      title: 'not applicable',
      requirements: ['AUTH.EXPIRED'],
      status: 'skipped',
      outcome: 'skipped',
    }),
  ]);
  const report = buildComplianceReport({ records, targetName: 'embedded', registry: getRegistry() });
  const dir = tempDir('allure-skipped-');
  writeFileSync(join(dir, 'a-result.json'), JSON.stringify(allureResult('refused', 'CANCEL.OK', 'skipped')));
  writeFileSync(
    join(dir, 'b-result.json'),
    JSON.stringify(allureResult('not applicable', 'AUTH.EXPIRED', 'skipped')),
  );
  expect(applyAllureStatuses(dir, [report])).toEqual({ known: 0, broken: 1, failed: 0 });
  expect(JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8')).status).toBe('broken');
  expect(JSON.parse(readFileSync(join(dir, 'b-result.json'), 'utf8')).status).toBe('skipped');
});

// A full disk cuts allure-playwright's result files short (it says how many it could not write): one
// such file ended `npm run conformance` with "SyntaxError: Unexpected end of JSON input" once every
// test had run, before the Allure report and the leak scan. It is passed over, as Allure passes it over.
test('a result file cut short by a full disk is passed over, the others still marked', () => {
  const registry = getRegistry();
  const baseline = parseBaseline(
    '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n  link: https://example.org/1\n',
    'baselines/x.yaml',
  );
  const records = runRecords([testRecord({ requirements: ['CANCEL.FINAL'], ...failed('x') })]);
  const report = buildComplianceReport({ records, targetName: 'embedded', registry, baseline });
  const dir = tempDir('allure-cut-short-');
  const whole = JSON.stringify(allureResult('a test', 'CANCEL.FINAL', 'failed'));
  writeFileSync(join(dir, 'a-result.json'), whole.slice(0, 20));
  writeFileSync(join(dir, 'b-result.json'), whole);
  expect(applyAllureStatuses(dir, [report])).toEqual({ known: 1, broken: 0, failed: 0 });
  expect(readFileSync(join(dir, 'a-result.json'), 'utf8')).toBe(whole.slice(0, 20));
});
