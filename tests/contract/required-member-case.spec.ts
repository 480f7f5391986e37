import { getContract } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// An emulator that writes the entity's members in another case (`creationdatetimeutc`) was told only
// `got {"@odata.context":...`, and the report's line, cut to fit, kept neither name.
test('a required member present in another case is named as such', () => {
  const body = {
    id: 'a',
    type: 'RunAntiVirusScan',
    status: 'Pending',
    creationdatetimeutc: '2026-12-02T10:00:00Z',
  };
  const violations = getContract().validateSchema('machine-action.schema.json', body).violations;
  expect(violations.map((v) => `${v.path}: expected ${v.expected}, got ${v.got}`)).toEqual([
    '/: expected property "creationDateTimeUtc" to be present, got "creationdatetimeutc" (the same name in another case)',
  ]);
});
