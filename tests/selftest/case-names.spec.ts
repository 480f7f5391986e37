import {
  caseFamily,
  faultCase,
  independentCase,
  profileCase,
  tenantCase,
} from '../../src/selftest/case-names.ts';
import { expect, test } from '../helpers/api-test.ts';

test('each case name is read back as the family it was made in; other names belong to none', () => {
  expect(caseFamily(profileCase('strict-odata'))).toBe('profile');
  expect(caseFamily(faultCase('cancel-new-id'))).toBe('fault');
  expect(caseFamily(independentCase('a'))).toBe('independent');
  expect(caseFamily(tenantCase('read-only'))).toBe('tenant');
  for (const other of ['embedded', 'calibration:default', 'profile', ':default'])
    expect(caseFamily(other)).toBeUndefined();
});
