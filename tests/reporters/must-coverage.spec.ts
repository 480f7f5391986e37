import { mustCoverageRequired } from '../../src/reporters/must-coverage.ts';
import { expect, test } from '../helpers/api-test.ts';

test('MDE_REQUIRE_MUST_COVERAGE is on for true or 1, off unset, and a typo is refused rather than read as off', () => {
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'TRUE' })).toBe(true);
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: '1' })).toBe(true);
  expect(mustCoverageRequired({})).toBe(false);
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'false' })).toBe(false);
  expect(() => mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'on' })).toThrow(
    'ConfigError: MDE_REQUIRE_MUST_COVERAGE must be true or false (got "on")',
  );
});
