import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { grepOptionProblem } from '../../../src/harness/run/grep-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('a grep of requirement ids, areas, levels or any other pattern is no problem', () => {
  for (const args of [
    ['--grep', '@RATE'],
    ['--grep=@CANCEL.NOTFOUND'],
    ['-g', '@cancel.notfound|@must'],
    ['--grep', 'tenant isolation'],
    ['--grep', '@CANCEL.(OK|STATUS)'],
    ['--grep'],
    ['--', '--grep', '@NOPE'],
    [],
  ])
    expect(grepOptionProblem(args), args.join(' ')).toBeUndefined();
});

test('a misspelt requirement tag is one line naming it, with the id it most likely meant', () => {
  expect(grepOptionProblem(['--grep', '@CANCEL.NOTFUOND'])).toBe(
    '--grep @CANCEL.NOTFUOND names no requirement of specs/requirements.yaml, so no test would run; did you mean @CANCEL.NOTFOUND? (docs/interfaces.md#requirement-ids lists them)',
  );
  expect(grepOptionProblem(['-g', '@RATE|@PERMS'])).toMatch(/^--grep @PERMS names no requirement/);
  expect(grepOptionProblem(['--grep=@NOTHING.LIKE.IT'])).not.toContain('did you mean');
});

// `--grep-invert @CANCEL.FINALL` left out nothing: all 80 tests ran, as a partial run, with no word
// that the tag was misspelt.
test('a misspelt requirement tag in --grep-invert (-G) is one line too: it would leave out no test', () => {
  expect(grepOptionProblem(['--grep-invert', '@CANCEL.FINALL'])).toBe(
    '--grep-invert @CANCEL.FINALL names no requirement of specs/requirements.yaml, so it would leave out no test; did you mean @CANCEL.FINAL? (docs/interfaces.md#requirement-ids lists them)',
  );
  expect(grepOptionProblem(['-G', '@NOPE'])).toMatch(/^--grep-invert @NOPE names no requirement/);
  expect(grepOptionProblem(['--grep-invert=@RATE|@must'])).toBeUndefined();
});

// Playwright takes a short option's value joined to it (`-g@CANCEL.NOTFOUND` runs that test), as
// unknown-option.ts reads it too; the check passed such a value by, and the run found no test.
test('a short option with its value joined (-g@ID, -G@ID) is checked as the spaced form is', () => {
  expect(grepOptionProblem(['-g@CANCEL.NOTFUOND'])).toMatch(
    /^--grep @CANCEL.NOTFUOND names no requirement .*did you mean @CANCEL.NOTFOUND\?/,
  );
  expect(grepOptionProblem(['-G@NOPE'])).toMatch(/^--grep-invert @NOPE names no requirement/);
  expect(grepOptionProblem(['-g(oops'])).toMatch(/^--grep \(oops is not a regular expression/);
  expect(grepOptionProblem(['-g@CANCEL.NOTFOUND', '-G@must'])).toBeUndefined();
});

// Playwright said only "No tests found", and its stopped-run report replaced the last whole run's.
test('npm run conformance -- --grep @CANCEL.NOTFUOND prints one line and exits 2 before anything is written', () => {
  const cwd = tempDir('conformance-grep-');
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--grep', '@CANCEL.NOTFUOND'], {
    cwd,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^conformance: --grep @CANCEL.NOTFUOND names no requirement .*did you mean @CANCEL.NOTFOUND\?/,
    ),
  ]);
  expect(run.status).toBe(2);
  expect(existsSync(join(cwd, 'reports'))).toBe(false);
});
