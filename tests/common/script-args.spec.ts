import { expect, test } from '../helpers/api-test.ts';
import { runScript } from '../helpers/script-env.ts';

// The command line the report scripts share (src/common/script-args.ts), through the scripts
// themselves: each case stops while its arguments are read, before anything is read or written.

function expectOneLine(run: ReturnType<typeof runScript>, line: string) {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toEqual([line]);
  expect(run.status).toBe(2);
}

test("--help where an option's value belongs is that value missing, not a request for the usage", () => {
  expectOneLine(
    runScript('report.ts', '--records', '--help'),
    'report: --records needs a value: --records FILE; --help is an option (for a value that starts with a dash, write --records=--help)',
  );
  expectOneLine(
    runScript('merge-shards.ts', '--no-allure', '--dir', '-h'),
    'merge-shards: --dir needs a value: --dir DIR; -h is an option (for a value that starts with a dash, write --dir=-h)',
  );
});

test('an option given last without its value says what to give, in the usage words', () => {
  expectOneLine(
    runScript('report.ts', '--no-allure', '--dir'),
    'report: --dir needs a value: --dir DIR (see --help)',
  );
  expectOneLine(
    runScript('merge-shards.ts', '--allure-results'),
    'merge-shards: --allure-results needs a value: --allure-results DIR (see --help)',
  );
});

test('--help as an option of its own prints the usage wherever it stands, even beside a mistake', () => {
  for (const [name, args] of [
    ['report.ts', ['--no-allure', '--help']],
    ['merge-shards.ts', ['--unknown', '-h']],
    ['leak-scan.ts', ['reports', '--help']],
  ] as const) {
    const run = runScript(name, ...args);
    expect(run.stdout, `${name} ${args.join(' ')}`).toMatch(/^Usage: npm run /);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
});

test('--single-file with --no-allure is refused in one line: one of them is a mistake', () => {
  const line =
    '--single-file and --no-allure contradict each other: --no-allure makes no Allure report to put in one file; give one of them (see --help)';
  expectOneLine(runScript('report.ts', '--single-file', '--no-allure'), `report: ${line}`);
  expectOneLine(runScript('merge-shards.ts', '--no-allure', '--single-file'), `merge-shards: ${line}`);
});

test('an option or a path given empty (an unset variable) is refused, never read as the repository', () => {
  expectOneLine(
    runScript('report.ts', '--no-allure', '--dir', ''),
    'report: --dir needs a value: --dir DIR; it was given empty (an unset variable?)',
  );
  expectOneLine(
    runScript('report.ts', '--records='),
    'report: --records needs a value: --records FILE; it was given empty (an unset variable?)',
  );
  expectOneLine(
    runScript('merge-shards.ts', ''),
    'merge-shards: an argument is empty (an unset variable?): give a path, or leave it out (see --help)',
  );
});
