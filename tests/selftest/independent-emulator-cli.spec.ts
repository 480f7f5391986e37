import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// docs/interfaces.md points emulator authors at the independent emulator's command line.
const MAIN = join(repoRoot, 'src', 'selftest', 'independent-emulator', 'main.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', timeout: 30_000 });

test('the independent emulator prints its usage for --help and exits 0; a bad flag is one line and exit 2', () => {
  const help = run('--help');
  expect([help.status, help.stdout.trim(), help.stderr]).toEqual([
    0,
    'usage: main.ts --variant a|b [--port N] [--host HOST]',
    '',
  ]);
  const bad = run('--variant', 'z');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--variant must be one of a, b (got z)');
});
