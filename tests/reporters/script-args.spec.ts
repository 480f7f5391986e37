import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';
import { withoutMdeVariables } from '../helpers/script-env.ts';

// The command line the report scripts share (src/reporters/script-args.ts), through the scripts
// themselves: each case stops while its arguments are read, before anything is read or written.
function script(name: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', name), ...args], {
    cwd: repoRoot,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function expectOneLine(run: ReturnType<typeof script>, line: string) {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toEqual([line]);
  expect(run.status).toBe(2);
}

test("--help where an option's value belongs is that value missing, not a request for the usage", () => {
  expectOneLine(
    script('report.ts', '--records', '--help'),
    'report: --records needs a value: --records FILE; --help is an option (for a value that starts with a dash, write --records=--help)',
  );
  expectOneLine(
    script('merge-shards.ts', '--no-allure', '--dir', '-h'),
    'merge-shards: --dir needs a value: --dir DIR; -h is an option (for a value that starts with a dash, write --dir=-h)',
  );
});

test('an option given last without its value says what to give, in the usage words', () => {
  expectOneLine(
    script('report.ts', '--no-allure', '--dir'),
    'report: --dir needs a value: --dir DIR (see --help)',
  );
  expectOneLine(
    script('merge-shards.ts', '--allure-results'),
    'merge-shards: --allure-results needs a value: --allure-results DIR (see --help)',
  );
});

test('--help as an option of its own prints the usage wherever it stands, even beside a mistake', () => {
  for (const [name, args] of [
    ['report.ts', ['--no-allure', '--help']],
    ['merge-shards.ts', ['--unknown', '-h']],
    ['leak-scan.ts', ['reports', '--help']],
  ] as const) {
    const run = script(name, ...args);
    expect(run.stdout, `${name} ${args.join(' ')}`).toMatch(/^Usage: npm run /);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
});
