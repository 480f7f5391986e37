import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { failed, requirementId, runRecords, skipped, testRecord } from './records.ts';

// A small run for the compliance report's unit tests: one PASS, one MUST FAIL, one NA and one
// OBSERVED, built at a fixed time so that what a report says about its run can be compared whole.
export const registry = getRegistry();
export const now = new Date('2026-01-02T03:04:05.000Z');

export function report(tests = defaultTests(), env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return buildComplianceReport({ records: runRecords(tests), targetName: 'embedded', registry, now });
  } finally {
    process.env = saved;
  }
}

export function defaultTests() {
  return [
    testRecord({ title: 'cancel of a Pending action answers 200', requirements: ['CANCEL.OK'] }),
    testRecord({
      title: 'cancel of a Succeeded action is rejected',
      requirements: ['CANCEL.FINAL'],
      ...failed('cancel of a Succeeded action is rejected: expected status 4xx, got 200'),
    }),
    testRecord({
      title: 'expired token',
      requirements: ['AUTH.EXPIRED'],
      ...skipped('the target has no clock'),
    }),
    testRecord({
      title: 'cancel without Comment',
      requirements: ['CANCEL.NOCOMMENT'],
      findings: [{ kind: 'observed', id: requirementId('CANCEL.NOCOMMENT'), text: 'accepted with 200' }],
    }),
  ];
}
