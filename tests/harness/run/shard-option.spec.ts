import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shardOf, shardOptionProblem } from '../../../src/harness/run/shard-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('a shard i of n, written either way, is no problem; a run without --shard neither', () => {
  for (const args of [['--shard=1/3'], ['--grep', '@RATE', '--shard', '3/3'], ['--list'], []])
    expect(shardOptionProblem(args), args.join(' ')).toBeUndefined();
});

test('a shard past the last, zero, a fraction or no value at all is one line saying what to give', () => {
  for (const value of ['3/2', '0/2', '1/0', '1.5/3', 'a/b', '1-3'])
    expect(shardOptionProblem([`--shard=${value}`])).toBe(
      `--shard ${value} names no shard: give --shard=i/n (shard i of n), i and n whole numbers from 1, i at most n, e.g. --shard=1/3`,
    );
  for (const args of [['--shard'], ['--shard', '--list']])
    expect(shardOptionProblem(args)).toBe(
      '--shard needs a value: --shard=i/n (shard i of n, e.g. --shard=1/3)',
    );
});

// Before Playwright starts: no stack trace, no stopped-run report.
test('npm run conformance -- --shard=3/2 prints one line and exits 2 before anything is written', () => {
  const cwd = tempDir('conformance-shard-');
  const run = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--shard=3/2'], {
    cwd,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^conformance: --shard 3\/2 names no shard: give --shard=i\/n/),
  ]);
  expect(run.status).toBe(2);
  expect(existsSync(join(cwd, 'reports'))).toBe(false);
});

test('the shard of a run is read from either form of --shard, and none from arguments after --', () => {
  expect(shardOf(['--shard=2/3'])).toEqual({ current: 2, total: 3 });
  expect(shardOf(['--grep', '@RATE', '--shard', '1/2'])).toEqual({ current: 1, total: 2 });
  expect(shardOf(['--', '--shard=1/2'])).toBeUndefined();
  expect(shardOf([])).toBeUndefined();
});

// Before: the first --shard was read, while Playwright (commander) runs the last one given.
test('a --shard given twice is the last one, as Playwright runs it', () => {
  expect(shardOf(['--shard=1/3', '--shard', '2/3'])).toEqual({ current: 2, total: 3 });
});
