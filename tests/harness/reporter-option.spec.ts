import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reporterOptionProblem } from '../../src/harness/run/reporter-option.ts';
import { expect, test } from '../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// --reporter replaced the run's reporters, the redacting one first: Playwright's errors, an expect()
// quoting a token a target echoed, were printed as they were, and no compliance report was written.
test('--reporter in either form is refused, naming --add-reporter; a listing, --add-reporter and what follows -- are not', () => {
  for (const args of [['--reporter=list'], ['--grep', '@RATE', '--reporter', 'dot']])
    expect(reporterOptionProblem(args), args.join(' ')).toMatch(
      /^--reporter would replace .* use --add-reporter/,
    );
  for (const args of [['--list', '--reporter=json'], ['--add-reporter=json'], ['--', '--reporter=x'], []])
    expect(reporterOptionProblem(args), args.join(' ')).toBeUndefined();
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
