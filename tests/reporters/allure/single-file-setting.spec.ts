import { singleFileSetting } from '../../../src/reporters/allure/single-file-setting.ts';
import { expect, test } from '../../helpers/api-test.ts';

test('MDE_REPORT_SINGLE_FILE reads true/1 as on and unset/false/0 as off', () => {
  for (const on of ['true', 'TRUE', '1', ' true '])
    expect(singleFileSetting({ MDE_REPORT_SINGLE_FILE: on })).toBe(true);
  for (const off of [undefined, '', 'false', '0'])
    expect(singleFileSetting({ MDE_REPORT_SINGLE_FILE: off })).toBe(false);
});

test('any other MDE_REPORT_SINGLE_FILE value is a ConfigError naming the variable', () => {
  expect(() => singleFileSetting({ MDE_REPORT_SINGLE_FILE: 'yes' })).toThrow(
    'ConfigError: MDE_REPORT_SINGLE_FILE must be true or false (got "yes")',
  );
});
