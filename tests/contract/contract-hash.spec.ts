import { contractHashOf } from '../../src/contract/contract-hash.ts';
import { expect, test } from '../helpers/api-test.ts';

// Reports name the contract they checked by this hash, and `report` refuses records of another one.
test('the contract hash ignores line ends, and tells files and contents apart', () => {
  const lf = [{ name: 'requirements.yaml', text: 'a: 1\nb: 2\n' }];
  const crlf = [{ name: 'requirements.yaml', text: 'a: 1\r\nb: 2\r\n' }];
  expect(contractHashOf(crlf)).toBe(contractHashOf(lf));
  expect(contractHashOf([{ name: 'requirements.yaml', text: 'a: 2\nb: 2\n' }])).not.toBe(contractHashOf(lf));
  expect(contractHashOf([{ name: 'other.yaml', text: 'a: 1\nb: 2\n' }])).not.toBe(contractHashOf(lf));
});
