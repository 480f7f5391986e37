import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { outputOptionProblem } from '../../../src/harness/run/output-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// Playwright empties its output directory as a run starts: `npm run conformance -- --output=reports`
// deleted reports/earlier-complete/ (the last complete report) and reports/README.md, and --output
// naming any directory of the user's emptied it, files and sub-directories alike. Refused before the
// run, in one line.
test('an --output directory holding files Playwright did not write is refused before anything is removed', () => {
  const dir = tempDir('output-option-');
  const precious = join(dir, 'precious.txt');
  writeFileSync(precious, 'keep me');
  const run = spawnSync(
    process.execPath,
    [...CONFORMANCE_ARGS, `--output=${dir}`, '-g', 'cancel of a Pending'],
    {
      cwd: repoRoot,
      env: withoutMdeVariables(),
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(existsSync(precious), 'the file in --output is still there').toBe(true);
  expect(run.stderr.trim().split('\n')).toEqual([
    `conformance: --output ${dir} holds files Playwright did not write, and Playwright empties its output directory as the run starts: name a new or empty directory, or leave --output out (test artefacts go to test-results/conformance/)`,
  ]);
  expect(run.status).toBe(2);
});

test("--output naming the checkout, the suite's output directories or one above them is refused", () => {
  const root = tempDir('output-option-root-');
  for (const name of ['reports', 'test-results', 'allure-results', 'allure-report'])
    mkdirSync(join(root, name));
  for (const [value, what] of [
    ['.', 'it holds this checkout'],
    ['..', 'it holds this checkout'],
    ['reports', 'it holds reports/, which the run writes'],
    ['test-results', 'it holds test-results/, which the run writes'],
    [join(root, 'allure-report'), 'it holds allure-report/, which the run writes'],
  ])
    expect(outputOptionProblem([`--output=${value}`], root), value).toBe(
      `--output ${value}: Playwright empties its output directory as the run starts, and ${what}: name a new or empty directory, or leave --output out (test artefacts go to test-results/conformance/)`,
    );
});

test('--output naming a new, an empty or an earlier output directory of Playwright is no problem', () => {
  const root = tempDir('output-option-root-');
  const earlier = join(root, 'pw-out');
  mkdirSync(earlier);
  writeFileSync(join(earlier, '.last-run.json'), '{}');
  mkdirSync(join(earlier, 'a-test'));
  mkdirSync(join(root, 'empty'));
  for (const args of [
    ['--output', 'new'],
    ['--output=empty'],
    [`--output=${earlier}`],
    ['--output=test-results/other'],
    ['-g', 'x'],
  ])
    expect(outputOptionProblem(args, root), args.join(' ')).toBeUndefined();
  expect(outputOptionProblem(['--output'], root)).toMatch(/^--output needs a value/);
});
