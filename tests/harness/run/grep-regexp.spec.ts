import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { grepOptionProblem } from '../../../src/harness/run/grep-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A test's title pasted into --grep (`cancel of a Pending action (labelled`) is no regular expression,
// which Playwright compiles only once the run has started: the run stopped with its SyntaxError,
// after its stopped-run report had replaced the last whole run's and the last Allure report was gone.
test('a --grep or --grep-invert that is no regular expression is one line naming it', () => {
  expect(grepOptionProblem(['--grep', 'cancel (Pending'])).toBe(
    "--grep cancel (Pending is not a regular expression (/cancel (Pending/gi: Unterminated group); Playwright reads it as one, so write a title's ( [ * + ? as \\( \\[ \\* \\+ \\?",
  );
  expect(grepOptionProblem(['-G', '['])).toMatch(/^--grep-invert \[ is not a regular expression/);
  expect(grepOptionProblem(['--grep=/a(/i'])).toMatch(/^--grep \/a\(\/i is not a regular expression/);
  for (const ok of ['cancel \\(Pending', '/^cancel/i', 'a|b', '@CANCEL.(OK|STATUS)'])
    expect(grepOptionProblem(['--grep', ok]), ok).toBeUndefined();
});

test('npm run conformance with such a --grep exits 2 before anything is written, the last reports kept', () => {
  const cwd = tempDir('conformance-grep-regexp-');
  mkdirSync(join(cwd, 'reports'));
  mkdirSync(join(cwd, 'allure-report'));
  writeFileSync(join(cwd, 'reports', 'compliance.json'), '{"the": "last run"}');
  writeFileSync(join(cwd, 'allure-report', 'index.html'), '<html>last run</html>');
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--grep', '('], {
    cwd,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^conformance: --grep \( is not a regular expression \(/),
  ]);
  expect(run.status).toBe(2);
  expect(readFileSync(join(cwd, 'reports', 'compliance.json'), 'utf8')).toBe('{"the": "last run"}');
  expect(readFileSync(join(cwd, 'allure-report', 'index.html'), 'utf8')).toBe('<html>last run</html>');
});
