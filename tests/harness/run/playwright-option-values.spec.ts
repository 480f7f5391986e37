import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  playwrightOptionProblem,
  targetOptionProblem,
} from '../../../src/harness/run/playwright-option-values.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('lawful values of the options Playwright counts with are no problem', () => {
  for (const args of [
    ['--workers=1'],
    ['-j', '2'],
    ['-j4'],
    ['--workers', '50%'],
    // Playwright takes any share from 1 %: 150 % is one and a half workers a core.
    ['--workers=150%'],
    ['--timeout=0'],
    ['--timeout', '60000'],
    ['--global-timeout=600000'],
    ['--max-failures=1', '-x'],
    ['--retries', '0'],
    ['--repeat-each=3'],
    ['--grep', '@RATE', '--list'],
    ['--', '--workers=abc'],
    [],
  ])
    expect(playwrightOptionProblem(args), args.join(' ')).toBeUndefined();
});

// Before: Playwright threw "Workers abc must be a number or percentage." with its stack trace, once
// the run had begun; --timeout=-5 timed every test out at once; --retries=abc was read as NaN.
test('a bad number is one line naming the option, the value and what to give', () => {
  const cases: [string[], RegExp][] = [
    [['--workers=abc'], /^--workers must be a whole number of workers from 1, .*\(got "abc"\)$/],
    [['-j', '0'], /^-j must be a whole number of workers from 1/],
    [['--workers=0%'], /\(got "0%"\)$/],
    [['--timeout=-5'], /^--timeout must be a whole number from 0, milliseconds per test.*\(got "-5"\)$/],
    [['--timeout', '1.5'], /\(got "1.5"\)$/],
    [['--retries=abc'], /^--retries must be a whole number from 0/],
    [['--repeat-each=0'], /^--repeat-each must be a whole number from 1/],
    [['--max-failures', '0x2'], /\(got "0x2"\)$/],
    [['--global-timeout=soon'], /^--global-timeout must be a whole number/],
    [['--workers'], /^--workers needs a value/],
    [['--timeout', '--grep', '@RATE'], /^--timeout needs a value/],
  ];
  for (const [args, line] of cases) expect(playwrightOptionProblem(args), args.join(' ')).toMatch(line);
});

test('--config and --ui are refused: the run has its own configuration and no browser', () => {
  expect(playwrightOptionProblem(['-c', 'playwright.unit.config.ts'])).toMatch(
    /^-c would replace the conformance run's configuration/,
  );
  expect(playwrightOptionProblem(['--config=nope.ts'])).toMatch(/^--config would replace/);
  expect(playwrightOptionProblem(['--ui'])).toMatch(/^--ui opens a browser/);
  expect(playwrightOptionProblem(['--ui-port=0'])).toMatch(/^--ui opens a browser/);
});

test("--project must name one of the run's projects, without case, or be a wildcard", () => {
  expect(targetOptionProblem(['--project', 'conformance'], 'embedded')).toBeUndefined();
  expect(targetOptionProblem(['--project=Conformance-Clock'], 'emulator')).toBeUndefined();
  expect(targetOptionProblem(['--project', 'conf*'], 'tenant')).toBeUndefined();
  expect(targetOptionProblem(['--project', 'nope'], 'embedded')).toBe(
    '--project nope names no project of this run (MDE_TARGET=embedded): give one of conformance, or narrow the run with --grep',
  );
  expect(targetOptionProblem(['--project', 'conformance-clock'], 'embedded')).toMatch(/names no project/);
  expect(targetOptionProblem(['--project'], 'tenant')).toMatch(/^--project needs a value/);
});

// --project takes every name up to the next option (`--project conformance nope`): Playwright stopped
// on the second with 'Project(s) "nope" not found' after the run had begun, which the check let by.
test('every name a spaced --project takes is checked, not only the first', () => {
  expect(targetOptionProblem(['--project', 'conformance', 'nope', '-x'], 'emulator')).toMatch(
    /^--project nope names no project of this run/,
  );
  expect(
    targetOptionProblem(['--project', 'conformance', 'conformance-clock', '-x'], 'emulator'),
  ).toBeUndefined();
  // Joined with `=`, it takes one: what follows is a file filter.
  expect(targetOptionProblem(['--project=conformance', 'not-found.spec.ts'], 'emulator')).toBeUndefined();
});

for (const args of [['--workers=abc'], ['--project', 'nope']])
  test(`npm run conformance -- ${args.join(' ')} prints one line, no stack, and exits 2 before anything is written`, () => {
    const cwd = tempDir('conformance-options-');
    const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, ...args], {
      cwd,
      env: withoutMdeVariables(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^conformance: --(workers|project) /),
    ]);
    expect(run.status).toBe(2);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });

// With MDE_TARGET=emulator, `-- --workers=3` ran the clock and rate tests beside the others on one
// emulator's clock and limits: RATE.MINUTE and RATE.RETRYAFTER FAILED on the reference emulator, a
// lawful target. A target the run shares runs on one worker (conformance-config.ts); an embedded
// target starts an emulator per worker and takes any count.
test('--workers other than 1 is refused for a shared target, taken for the embedded one', () => {
  for (const mode of ['emulator', 'tenant'] as const) {
    expect(targetOptionProblem(['--workers=3'], mode)).toBe(
      `--workers 3: MDE_TARGET=${mode} runs on one worker, as its clock and rate limits are shared by every test (more would make them fail each other); leave --workers out`,
    );
    expect(targetOptionProblem(['-j', '50%'], mode)).toMatch(/^-j 50%: MDE_TARGET=/);
    expect(targetOptionProblem(['--workers=1'], mode)).toBeUndefined();
  }
  expect(targetOptionProblem(['--workers=3'], 'embedded')).toBeUndefined();
});

// A plain `npx playwright test --workers` against a shared target printed "--workers undefined: ...
// runs on one worker", as if a count had been given; now it says a value is missing (also when the
// next argument is an option, which commander would have taken as the count).
test('--workers without a value against a shared target says a value is needed', () => {
  for (const mode of ['emulator', 'tenant'] as const)
    for (const args of [['--workers'], ['-j'], ['--workers', '--list'], ['--workers=']])
      expect(targetOptionProblem(args, mode), args.join(' ')).toMatch(/^(--workers|-j) needs a value/);
});

// Playwright reads short flags run together (`-xj3`: -x, then -j 3), as unknown-option.ts does; the
// checks read -j and -c only at the start of an argument, so `-xj3` ran a shared target on 3 workers.
test('-j and -c after other short flags in one argument are checked as alone', () => {
  for (const mode of ['emulator', 'tenant'] as const)
    expect(targetOptionProblem(['-xj3'], mode)).toMatch(/^-j 3: MDE_TARGET=/);
  expect(targetOptionProblem(['-xj1'], 'emulator')).toBeUndefined();
  expect(playwrightOptionProblem(['-xj0'])).toMatch(/^-j must be a whole number of workers from 1/);
  expect(playwrightOptionProblem(['-xc', 'other.config.ts'])).toMatch(/^-c would replace/);
  expect(playwrightOptionProblem(['-xj2'])).toBeUndefined();
});
