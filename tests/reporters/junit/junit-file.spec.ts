import { join } from 'node:path';
import { junitFileOf } from '../../../src/reporters/junit/junit-file.ts';
import { expect, test } from '../../helpers/api-test.ts';

test("the JUnit reporter's file is found as Playwright finds it", () => {
  const configFile = join('/runs', 'a', 'playwright.config.ts');
  const junit = (options: object = {}) => ({
    configFile,
    reporter: [['junit', options]] as [string, unknown][],
  });
  expect(junitFileOf({ configFile, reporter: [['list', {}]] }, {})).toBeUndefined();
  expect(junitFileOf(junit({ outputFile: 'reports/junit.xml' }), {})).toBe(
    join('/runs', 'a', 'reports', 'junit.xml'),
  );
  // The variable wins over the option, and is read from the working directory.
  expect(
    junitFileOf(junit({ outputFile: 'reports/junit.xml' }), { PLAYWRIGHT_JUNIT_OUTPUT_FILE: 'out/j.xml' }),
  ).toBe(join(process.cwd(), 'out', 'j.xml'));
  // A directory and a name, from variables or options.
  expect(
    junitFileOf(junit(), {
      PLAYWRIGHT_JUNIT_OUTPUT_DIR: '/tmp/jd',
      PLAYWRIGHT_JUNIT_OUTPUT_NAME: 'junit2.xml',
    }),
  ).toBe(join('/tmp', 'jd', 'junit2.xml'));
  expect(junitFileOf(junit({ outputDir: 'out', fileName: 'j.xml' }), {})).toBe(
    join('/runs', 'a', 'out', 'j.xml'),
  );
  expect(junitFileOf(junit({ fileName: 'j.xml' }), {})).toBe(join('/runs', 'a', 'j.xml'));
  // No name: the JUnit reporter writes to the terminal.
  expect(junitFileOf(junit({ outputDir: 'out' }), {})).toBeUndefined();
});
