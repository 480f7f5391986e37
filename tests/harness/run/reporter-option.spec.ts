import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reporterOptionProblem } from '../../../src/harness/run/reporter-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// --reporter replaced the run's reporters, the redacting one first: Playwright's errors, an expect()
// quoting a token a target echoed, were printed as they were, and no compliance report was written.
test('--reporter in either form is refused, naming --add-reporter; a listing, --add-reporter and what follows -- are not', () => {
  for (const args of [['--reporter=html'], ['--grep', '@RATE', '--reporter', 'dot']])
    expect(reporterOptionProblem(args), args.join(' ')).toMatch(
      /^--reporter would replace .* use --add-reporter/,
    );
  for (const args of [['--list', '--reporter=json'], ['--add-reporter=json'], ['--', '--reporter=x'], []])
    expect(reporterOptionProblem(args), args.join(' ')).toBeUndefined();
});

// A newcomer's `--reporter=list` was told to use --add-reporter, and `--add-reporter=list` then printed
// every test twice: the console's reporter already is list. The line says so, and names the flag to
// add any other reporter with, its value as given.
test('--reporter=list says the console already shows list; another reporter is named in its --add-reporter', () => {
  expect(reporterOptionProblem(['--reporter=list'])).toMatch(
    /the console already shows Playwright's list reporter: leave --reporter=list out$/,
  );
  expect(reporterOptionProblem(['--reporter', 'dot'])).toMatch(
    /use --add-reporter=dot to add it beside the run's$/,
  );
  expect(reporterOptionProblem(['--reporter=list,json'])).toMatch(
    /use --add-reporter=json to add it beside the run's \(the console already shows list\)$/,
  );
  // No value to name: the general advice.
  for (const args of [['--reporter'], ['--reporter=']])
    expect(reporterOptionProblem(args), args.join(' ')).toMatch(/use --add-reporter to add one beside them$/);
});

test('npm run conformance -- --reporter=list prints one line and exits 2 before anything runs or is written', () => {
  const cwd = tempDir('conformance-reporter-');
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--reporter=list'], {
    cwd,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^conformance: --reporter would replace/),
  ]);
  expect(run.status).toBe(2);
  expect(existsSync(join(cwd, 'reports'))).toBe(false);
});
