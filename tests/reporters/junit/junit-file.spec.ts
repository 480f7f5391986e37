import { join } from 'node:path';
import { junitFileOf, junitOutputFile, runJunitFile } from '../../../src/reporters/junit/junit-file.ts';
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

// After the runner stopped, or when it never ran, the script finds the file without Playwright's
// configuration: it must name the one the runner found in playwright.config.ts's reporter list.
test("a run's JUnit file found from outside the runner is the one the runner writes", () => {
  const root = join('/runs', 'a');
  const configFile = join(root, 'playwright.config.ts');
  for (const [argv, shard] of [
    [['node', 'cli.js', 'test'], undefined],
    [['node', 'cli.js', 'test', '--shard=2/3'], { current: 2, total: 3 }],
  ] as const)
    for (const env of [{}, { PLAYWRIGHT_JUNIT_OUTPUT_FILE: 'out/j.xml' }]) {
      const config = {
        configFile,
        reporter: [['junit', { outputFile: junitOutputFile(argv) }]] as [string, unknown][],
      };
      expect(runJunitFile(root, shard, env)).toBe(junitFileOf(config, env));
    }
});
