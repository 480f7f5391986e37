import { getRegistry } from '../../../src/contract/index.ts';
import { parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, runRecords, testRecord } from '../helpers/records.ts';

// A listed deviation whose tests reached no verdict says nothing about whether it still happens: the
// run must end as the lost exchange makes it (exit 3), not blame the baseline as out of date (exit 1).
const file = 'baselines/x.yaml';
const baseline = parseBaseline('- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: r\n', file);

test('a listed deviation whose test reached no verdict is not exercised: the baseline is not out of date', () => {
  const records = runRecords([
    testRecord({ requirements: ['CANCEL.FINAL'], ...errored('t: the exchange was lost') }),
  ]);
  const report = buildComplianceReport({
    records,
    targetName: 'embedded',
    registry: getRegistry(),
    baseline,
  });
  const final = report.requirements.find((r) => r.id === 'CANCEL.FINAL')!;
  expect(final.verdict).toBe('ERROR');
  expect(final.baseline?.status).toBe('not-exercised');
  expect(report.summary.baseline).toMatchObject({ stale: [], notExercised: ['CANCEL.FINAL'] });
  expect(report.summary.exitCode).toBe(3);
  expect(report.summary.exitReason).not.toContain('baseline out of date');
});
