import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { playwrightOptionProblem } from '../../../src/harness/run/playwright-option-values.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// Playwright opens these files once its runner has started: a missing one stopped the run with ENOENT's
// stack trace (or "--tsconfig ... does not exist" with Playwright's), after its stopped-run report had
// replaced the last run's reports and the last Allure report had been removed.
test('--test-list, --test-list-invert and --tsconfig naming no file are one line each', () => {
  const dir = tempDir('option-files-');
  const list = join(dir, 'tests.txt');
  writeFileSync(list, 'tests/conformance/not-found.spec.ts\n');
  for (const name of ['--test-list', '--test-list-invert', '--tsconfig']) {
    expect(playwrightOptionProblem([name, join(dir, 'missing.txt')])).toBe(
      `${name} ${join(dir, 'missing.txt')} names no file (from ${process.cwd()}); give the path of one`,
    );
    expect(playwrightOptionProblem([`${name}=${dir}`])).toMatch(/names no file/);
    expect(playwrightOptionProblem([name])).toBe(
      `${name} needs a value: ${name}=FILE (see npm run conformance -- --help)`,
    );
    expect(playwrightOptionProblem([name, list])).toBeUndefined();
  }
});

test('npm run conformance -- --test-list with no such file exits 2 before anything is written', () => {
  const cwd = tempDir('conformance-test-list-');
  mkdirSync(join(cwd, 'reports'));
  writeFileSync(join(cwd, 'reports', 'compliance.json'), '{"the": "last run"}');
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--test-list', '/nonexistent/tests.txt'], {
    cwd,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^conformance: --test-list \/nonexistent\/tests.txt names no file /),
  ]);
  expect(run.status).toBe(2);
  expect(readFileSync(join(cwd, 'reports', 'compliance.json'), 'utf8')).toBe('{"the": "last run"}');
});
