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

// The shard named by a valid --shard (shardOptionProblem found none), or undefined for a whole run.
export function shardOf(args: readonly string[]): { current: number; total: number } | undefined {
  for (const value of shardValues(args)) {
    const shard = value ? /^(\d+)\/(\d+)$/.exec(value) : null;
    if (shard) return { current: Number(shard[1]), total: Number(shard[2]) };
  }
  return undefined;
}

// Each --shard's value before a bare `--` (undefined when the flag ends the arguments).
function* shardValues(args: readonly string[]): Generator<string | undefined> {
  for (const { value } of optionValues(args, ['--shard'])) yield value;
}
