import { expect, test } from '../helpers/api-test.ts';
import { listedOf, listingEnv } from './listed-suite.ts';

test('a suite that does not load is its load error, not an empty list of tests', () => {
  const report = {
    config: { rootDir: '/repo/tests/conformance' },
    errors: [
      {
        message:
          'Error: tests/conformance/not-found.spec.ts:25: Requirement "GET.BADIDD" is not in specs/requirements.yaml.\n\n   at ...',
      },
    ],
    suites: [],
  };
  expect(() => listedOf(report)).toThrow(
    'the conformance suite does not load: tests/conformance/not-found.spec.ts:25: Requirement "GET.BADIDD" is not in specs/requirements.yaml.',
  );
  expect(listedOf({ ...report, errors: [] })).toEqual([]);
});

test('the listing reaches stdout whatever JSON output file the unit run was given', () => {
  const env = listingEnv({
    PATH: '/bin',
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'unit.json',
    PLAYWRIGHT_JSON_OUTPUT_FILE: 'u.json',
  });
  expect(env).toEqual({ PATH: '/bin' });
});
