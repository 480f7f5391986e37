import { getRegistry } from '../../../src/contract/index.ts';
import { parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { junitProperties } from '../../../src/reporters/junit/junit-properties.ts';
import { expect, test } from '../../helpers/api-test.ts';

// junit.xml keeps every failed test a failure; these properties say which failures do not fail the
// run, as compliance.json decides it (a known deviation is FAIL but known, a SHOULD failure is WARN).
const registry = getRegistry();
const baseline = parseBaseline(
  '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n- id: CANCEL.BADID\n  verdict: WARN\n  reason: answers 500\n',
  'baselines/x.yaml',
);

test('a failed test of a known deviation or of a SHOULD only is marked; one of another MUST is not', () => {
  expect(junitProperties(['CANCEL.FINAL'], registry, baseline)).toEqual([
    { type: 'known-deviation', description: 'CANCEL.FINAL' },
  ]);
  expect(junitProperties(['CANCEL.BADID'], registry, baseline)).toEqual([
    { type: 'known-deviation', description: 'CANCEL.BADID' },
  ]);
  expect(junitProperties(['CANCEL.FIELDS'], registry, undefined)).toEqual([
    { type: 'should-warning', description: 'CANCEL.FIELDS' },
  ]);
  // The MUST that is no known deviation fails the run, whatever else the test claims.
  expect(junitProperties(['CANCEL.FINAL', 'CANCEL.OK'], registry, baseline)).toEqual([]);
  expect(junitProperties(['CANCEL.FINAL'], registry, undefined)).toEqual([]);
});
