import { type Finding, toAnnotation } from '../../../src/harness/evidence/finding.ts';
import { findingSteps } from '../../../src/reporters/allure/allure-labels.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { requirementId } from '../helpers/records.ts';

test('findings a reader must see become steps; readings of open points do not', () => {
  const findings: Finding[] = [
    { kind: 'violation', id: requirementId('SCHEMA.ERROR'), text: 'no error.code' },
    { kind: 'unchecked', text: '"changes nothing" with no action to protect' },
    { kind: 'no-verdict', cause: 'wire', code: 'TRANSPORT', text: 'POST ... reset' },
    {
      kind: 'reading',
      point: 'malformed-id',
      reading: { status: 404 },
      evidence: { exchange: 'POST /api/machineactions/{id}/cancel → 404', status: 404 },
    },
  ];
  expect(findingSteps(findings.map(toAnnotation))).toEqual([
    'violation SCHEMA.ERROR: no error.code',
    'not checked: "changes nothing" with no action to protect',
    'no verdict: POST ... reset',
  ]);
});
