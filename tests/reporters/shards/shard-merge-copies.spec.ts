import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, failed, requirementId, runRecords, testRecord } from '../helpers/records.ts';

// Playwright runs a dependency or teardown project whole on every shard, so the same test comes back
// from each; the merge keeps one copy, "the most damning". It ranked a test that reached no verdict
// above one that failed, so a MUST whose test failed on one shard and lost its exchange on the other
// read ERROR (exit 2 or 3) where the verdict rules (verdict.ts: a failure is evidence and wins) give
// FAIL; and the violations the other copies' exchanges showed were dropped with them.
const registry = getRegistry();
const copy = (overrides: Parameters<typeof testRecord>[0]) =>
  testRecord({ file: 'setup.spec.ts', line: 4, project: 'setup', requirements: ['CANCEL.OK'], ...overrides });
const shard = (current: number, tests: ReturnType<typeof testRecord>[]) =>
  runRecords(tests, { shard: { current, total: 2 } });
const verdictOf = (records: ReturnType<typeof runRecords>, id: string) =>
  buildComplianceReport({ records, targetName: 'embedded', registry }).requirements.find((r) => r.id === id);

test('copies of one test from several shards merge as the unsharded verdict rules judge them', () => {
  const failedCopy = copy(failed('cancel: expected 200, got 500'));
  const lostCopy = copy(errored('cancel: connection reset'));
  const whole = verdictOf(runRecords([failedCopy, lostCopy]), 'CANCEL.OK');
  expect(whole?.verdict).toBe('FAIL');
  for (const order of [
    [shard(1, [failedCopy]), shard(2, [lostCopy])],
    [shard(1, [lostCopy]), shard(2, [failedCopy])],
  ]) {
    const merged = mergeRecords(order);
    expect(merged.tests).toHaveLength(1);
    expect(verdictOf(merged, 'CANCEL.OK')).toMatchObject({
      verdict: 'FAIL',
      reason: 'cancel: expected 200, got 500',
    });
  }
});

test("a violation one copy's exchange showed survives the merge whichever copy is kept", () => {
  const violation = { kind: 'violation' as const, id: requirementId('SCHEMA.ENTITY'), text: '/status: bad' };
  const merged = mergeRecords([
    shard(1, [copy({ findings: [violation] })]),
    shard(2, [copy(errored('cancel: connection reset'))]),
  ]);
  expect(verdictOf(merged, 'SCHEMA.ENTITY')).toMatchObject({ verdict: 'FAIL' });
});
