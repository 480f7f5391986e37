import { closestId } from '../../contract/unknown-requirement.ts';

// The options of `playwright test` (Playwright 1.65, its --help), by what follows each: nothing, a value,
// a value if one follows, or values up to the next option. An option Playwright does not know ended its
// runner before the reporters wrote: the stopped-run report replaced the last run's reports and the
// last Allure report was removed, for a typo (`--gerp @RATE`). tests/contract keeps this list Playwright's.
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
  '--workers': 'required',
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

const takes = (name: string): OptionValue => (name === '-x' ? 'none' : PLAYWRIGHT_TEST_OPTIONS[name]!);

// The first option of `args` Playwright would refuse, said with the one most likely meant.
export function unknownOptionProblem(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // After `--` every argument is a test filter; so is one without a leading dash.
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-') continue;
    let name: string;
    let given: string | undefined;
    if (arg.startsWith('--')) {
      name = arg.split('=')[0]!;
      if (!(name in PLAYWRIGHT_TEST_OPTIONS)) return unknown(name);
      if (arg.includes('=')) given = arg.slice(name.length + 1);
      // Commander takes `--flag=value` only for an option with a value: a flag's is an unknown option.
      if (given !== undefined && takes(name) === 'none')
        return `${name} takes no value (got ${arg}): give it alone, or leave it out (npm run conformance -- --help)`;
    } else {
      // Short options, several in one (-xj1): a flag goes on, one with a value takes the rest.
      let j = 1;
      name = '-x';
      for (; j < arg.length && takes(name) === 'none'; j++) {
        const long = PLAYWRIGHT_SHORT_OPTIONS[arg[j]!];
        if (!long) return unknown(`-${arg[j]}`);
        name = long;
      }
      if (j < arg.length) given = arg.slice(j);
    }
    const value = takes(name);
    const next = args[i + 1];
    if (given === undefined && value === 'required') {
      if (next === undefined) return `${name} needs a value (npm run conformance -- --help)`;
      given = next;
      i++;
    } else if (given === undefined && value === 'optional' && next !== undefined && !next.startsWith('-')) {
      given = next;
      i++;
    } else if (value === 'variadic') while (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) i++;
    const choices = PLAYWRIGHT_CHOICES[name];
    if (choices && given !== undefined && !choices.includes(given))
      return `${name} ${given}: give one of ${choices.join(', ')}`;
  }
  return undefined;
}

function unknown(name: string): string {
  const near = name.startsWith('--') ? closestId(name, Object.keys(PLAYWRIGHT_TEST_OPTIONS)) : undefined;
  return `${name} is no option of Playwright's test runner${near ? `; did you mean ${near}?` : ''} (npm run conformance -- --help lists them; a test's title or file goes without a dash)`;
}
