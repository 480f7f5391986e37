import { optionValues } from './playwright-argv.ts';

// Playwright's --shard as `npm run conformance` hands it on (`--shard=i/n` or `--shard i/n`). A bad
// value is checked here, before Playwright starts: Playwright throws it with a stack trace, after the
// run has begun. Stricter than Playwright (which reads "1.5/3" as 1/3): the shard's files are named
// after i and n (shard-<i>-of-<n>.json), so both must be whole numbers as written.
export function shardOptionProblem(args: readonly string[]): string | undefined {
  for (const value of shardValues(args)) {
    if (value === undefined || value.startsWith('-'))
      return '--shard needs a value: --shard=i/n (shard i of n, e.g. --shard=1/3)';
    const shard = /^(\d+)\/(\d+)$/.exec(value);
    const [current, total] = shard ? [Number(shard[1]), Number(shard[2])] : [0, 0];
    if (current < 1 || total < 1 || current > total)
      return `--shard ${value} names no shard: give --shard=i/n (shard i of n), i and n whole numbers from 1, i at most n, e.g. --shard=1/3`;
  }
  return undefined;
}

// The shard Playwright runs (shardOptionProblem found no bad --shard), or undefined for a whole run.
// Given twice, commander keeps the last: `--shard=1/3 --shard=2/3` ran shard 2 while its JUnit file was
// named shard-1-of-3, over shard 1's own.
export function shardOf(args: readonly string[]): { current: number; total: number } | undefined {
  const value = [...shardValues(args)].at(-1);
  const shard = value ? /^(\d+)\/(\d+)$/.exec(value) : null;
  return shard ? { current: Number(shard[1]), total: Number(shard[2]) } : undefined;
}

// Each --shard's value (undefined when the flag ends the arguments).
function* shardValues(args: readonly string[]): Generator<string | undefined> {
  for (const { value } of optionValues(args, ['--shard'])) yield value;
}
