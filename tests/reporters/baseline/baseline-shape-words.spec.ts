import { parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A baseline of the wrong shape read "/ must be array" or "/0 must NOT have additional properties":
// Ajv's words, naming neither what the file must be nor the member that is not allowed.
const file = 'baselines/x.yaml';

test('a baseline that is no list says the file is a list of deviations, as the example is', () => {
  for (const text of ['x\n', 'id: CANCEL.FINAL\nverdict: FAIL\nreason: r\n'])
    expect(() => parseBaseline(text, file)).toThrow(
      'baselines/x.yaml is not a valid baseline: it must be a YAML list of known deviations, one "- id: ..." entry each with verdict and reason (see baselines/example-tenant.yaml)',
    );
});

test('a member a baseline entry does not take is named', () => {
  expect(() =>
    parseBaseline('- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: r\n  reasno: typo\n', file),
  ).toThrow(
    /is not a valid baseline: \/0 must NOT have additional properties \("reasno"; it takes id, verdict, reason, link\)$/,
  );
});
