// The options of `playwright test` (Playwright 1.65, its --help), by what follows each: nothing, a value,
// a value if one follows, or values up to the next option. An option Playwright does not know ended its
// runner before the reporters wrote: the stopped-run report replaced the last run's reports and the
// last Allure report was removed, for a typo (`--gerp @RATE`). tests/harness/run/unknown-option.spec.ts keeps this
// list Playwright's; playwright-argv.ts reads the command line by it.
export type OptionValue = 'none' | 'required' | 'optional' | 'variadic';

export const PLAYWRIGHT_TEST_OPTIONS: Readonly<Record<string, OptionValue>> = {
  '--add-reporter': 'required',
  '--browser': 'required',
  '--config': 'required',
  '--debug': 'optional',
  '--fail-on-flaky-tests': 'none',
  '--forbid-only': 'none',
  '--fully-parallel': 'none',
  '--grep': 'required',
  '--grep-invert': 'required',
  '--global-timeout': 'required',
  '--headed': 'none',
  '--help': 'none',
  '--ignore-snapshots': 'none',
  '--last-failed': 'none',
  '--last-failed-file': 'required',
  '--list': 'none',
  '--max-failures': 'required',
  '--no-deps': 'none',
  '--only-changed': 'optional',
  '--output': 'required',
  '--pass-with-no-tests': 'none',
  '--project': 'variadic',
  '--quiet': 'none',
  '--repeat-each': 'required',
  '--reporter': 'required',
  '--retries': 'required',
  '--run-agents': 'required',
  '--shard': 'required',
  '--shuffle': 'optional',
  '--test-list': 'required',
  '--test-list-invert': 'required',
  '--timeout': 'required',
  '--trace': 'required',
  '--tsconfig': 'required',
  '--ui': 'none',
  '--ui-host': 'required',
  '--ui-port': 'required',
  '--update-snapshots': 'optional',
  '--update-source-method': 'required',
  '--workers': 'required',
};

export const PLAYWRIGHT_SHORT_OPTIONS: Readonly<Record<string, string>> = {
  c: '--config',
  g: '--grep',
  G: '--grep-invert',
  h: '--help',
  j: '--workers',
  u: '--update-snapshots',
  x: '-x',
};

// The values some options are limited to: another one ended the runner as an unknown option did.
export const PLAYWRIGHT_CHOICES: Readonly<Record<string, readonly string[]>> = {
  '--debug': ['inspector', 'cli'],
  '--run-agents': ['missing', 'all', 'none'],
  '--trace': [
    'on',
    'off',
    'on-first-retry',
    'on-all-retries',
    'retain-on-failure',
    'retain-on-first-failure',
    'retain-on-failure-and-retries',
  ],
  '--update-snapshots': ['all', 'changed', 'missing', 'none', 'default'],
  '--update-source-method': ['overwrite', '3way', 'patch'],
};

// What follows an option of the table, or -x (Playwright's --max-failures=1, which has no long name).
export const takes = (name: string): OptionValue => (name === '-x' ? 'none' : PLAYWRIGHT_TEST_OPTIONS[name]!);
