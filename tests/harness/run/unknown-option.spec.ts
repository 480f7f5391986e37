import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import {
  PLAYWRIGHT_CHOICES,
  PLAYWRIGHT_SHORT_OPTIONS,
  PLAYWRIGHT_TEST_OPTIONS,
} from '../../../src/harness/run/playwright-options.ts';
import { unknownOptionProblem } from '../../../src/harness/run/unknown-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// `npm run conformance -- --gerp @RATE` started Playwright, whose runner refused the option before its
// reporters wrote: the stopped-run report replaced the last run's reports and the Allure report was
// removed, for a typo. Refused now with the other usage errors, before anything is written.
test('npm run conformance -- --gerp @RATE is one line naming --grep, exit 2, before anything starts', () => {
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--gerp', '@RATE'], {
    cwd: tempDir('unknown-option-'),
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    "conformance: --gerp is no option of Playwright's test runner; did you mean --grep? (npm run conformance -- --help lists them; a test's title or file goes without a dash)",
  ]);
  expect(run.status).toBe(2);
});

test('every lawful command line is let through', () => {
  for (const args of [
    [],
    ['--grep', '@RATE'],
    ['-g', '@CANCEL.OK|@must', '--list'],
    ['--grep', '-leading-dash-title'],
    ['--grep=@RATE', '--shard=1/3'],
    ['-j1'],
    ['-j', '1', '-x'],
    ['-xj', '1'],
    ['--project', 'conformance', 'conformance-clock', '--list'],
    ['--shuffle', '--list'],
    ['--only-changed', 'main'],
    ['--update-snapshots', '--list'],
    ['--no-deps', '--pass-with-no-tests', '--quiet'],
    ['tests/conformance/cancel.spec.ts', 'not-found'],
    ['--', '--a-title-with-dashes'],
    ['--help'],
    ['-h'],
    ['--trace=off', '--retries', '2', '--repeat-each', '3', '--timeout', '5000'],
    ['--add-reporter', 'line', '--output', 'test-results'],
    // Refused before, let through by Playwright 1.65's commander: it shows its help whatever unknown
    // option is beside --help, reads -x-list as -x --list, and a negative number as a filter or a value.
    ['--gerp', 'x', '--help'],
    ['-x-list'],
    ['-5'],
    ['--shuffle', '-5'],
  ])
    expect(unknownOptionProblem(args), args.join(' ')).toBeUndefined();
});

test('an option Playwright does not know is named, with the one meant when it is near', () => {
  expect(unknownOptionProblem(['--gerp', '@RATE'])).toMatch(/^--gerp is no option .*did you mean --grep\?/);
  expect(unknownOptionProblem(['--no-dep'])).toMatch(/^--no-dep is no option .*did you mean --no-deps\?/);
  expect(unknownOptionProblem(['--retries', '2', '--bogus'])).toMatch(/^--bogus is no option of/);
  expect(unknownOptionProblem(['--workers=2', '--shardd=1/2'])).toMatch(/^--shardd is no option .*--shard\?/);
  expect(unknownOptionProblem(['-q'])).toMatch(/^-q is no option of/);
  expect(unknownOptionProblem(['-xq'])).toMatch(/^-q is no option of/);
  // Before: -hx was read as help and -x, which commander refuses as the one unknown option '-hx'.
  expect(unknownOptionProblem(['-hx'])).toMatch(/^-hx is no option of/);
});

// Commander's refusals of a value end the runner as an unknown option does.
test("a value outside an option's choices, or no value where one is needed, is named", () => {
  expect(unknownOptionProblem(['--trace', 'bogus'])).toBe(
    '--trace bogus: give one of on, off, on-first-retry, on-all-retries, retain-on-failure, retain-on-first-failure, retain-on-failure-and-retries',
  );
  expect(unknownOptionProblem(['--update-snapshots=everything'])).toMatch(
    /^--update-snapshots everything: give one of all,/,
  );
  expect(unknownOptionProblem(['-u', 'everything'])).toMatch(/^--update-snapshots everything: give one of/);
  expect(unknownOptionProblem(['--list', '--output'])).toBe(
    '--output needs a value (npm run conformance -- --help)',
  );
  expect(unknownOptionProblem(['--trace=retain-on-failure', '-u', '--debug', 'cli'])).toBeUndefined();
  // Commander refuses a flag given a value (`unknown option '--forbid-only=true'`) as it does a typo.
  expect(unknownOptionProblem(['--forbid-only=true'])).toBe(
    '--forbid-only takes no value (got --forbid-only=true): give it alone, or leave it out (npm run conformance -- --help)',
  );
  expect(unknownOptionProblem(['--list', '--no-deps=false'])).toMatch(/^--no-deps takes no value/);
});

// The list is Playwright's own: an upgrade that adds or drops an option shows here.
test("the option list is Playwright's test runner's, each with what follows it", () => {
  const help = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--help'],
    { encoding: 'utf8', timeout: 30_000 },
  ).stdout;
  const listed: Record<string, string> = {};
  const shorts: Record<string, string> = {};
  for (const [, short, long, value] of help.matchAll(/^ {2}(?:-(\w)(?:, |\s))?(--[\w-]+)?( [<[][^ ]*)?/gm)) {
    const name = long ?? `-${short}`;
    if (short) shorts[short] = name;
    if (!long) continue;
    listed[long] = !value
      ? 'none'
      : value.includes('...')
        ? 'variadic'
        : value.trim().startsWith('<')
          ? 'required'
          : 'optional';
  }
  expect(PLAYWRIGHT_TEST_OPTIONS).toEqual(listed);
  expect(PLAYWRIGHT_SHORT_OPTIONS).toEqual(shorts);
  // Each option's block, its wrapped description joined: "(choices: "on", "off", ...)".
  const choices: Record<string, string[]> = {};
  for (const block of help.split(/\n(?= {2}-)/)) {
    const long = /^ {2}(?:-\w, )?(--[\w-]+)/.exec(block)?.[1];
    const listedChoices = /\(choices: ([^)]*?)(?:, preset: [^)]*)?\)/.exec(block.replace(/\s+/g, ' '))?.[1];
    if (long && listedChoices) choices[long] = [...listedChoices.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  }
  expect(PLAYWRIGHT_CHOICES).toEqual(choices);
});
