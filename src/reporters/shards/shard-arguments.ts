import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shardOfRecordsName } from '../../common/report-files.ts';

// What `npm run report:merge` is given, checked whole before anything is written: one line per
// problem, each naming the path and what to give instead. Node's own errors (ENOENT from cpSync,
// EISDIR from readFileSync) named neither, and came after the compliance reports were written.
export interface ShardArguments {
  positionals: readonly string[];
  // Each --allure-results as given, and resolved.
  allureDirs: readonly { given: string; path: string }[];
  shardsDir: string;
}

export function shardArgumentProblems({ positionals, allureDirs, shardsDir }: ShardArguments): string[] {
  const problems: string[] = [];
  if (positionals.length > 1)
    problems.push(
      `one shards directory expected, got ${positionals.length} (${positionals.join(', ')}): give the directory holding every shard-<i>-of-<n>.json, and each shard's Allure results with --allure-results DIR`,
    );
  for (const { given, path } of allureDirs) {
    const problem = notADirectory(path);
    if (problem)
      problems.push(`--allure-results ${given} ${problem}: give a shard's allure-results directory`);
  }
  const shardsProblem = notADirectory(shardsDir);
  if (!existsSync(shardsDir))
    // A mistyped path, or shards that never ran: both fixes are named.
    problems.unshift(
      `${shardsDir} ${shardsProblem}: give the directory holding the shard-<i>-of-<n>.json files (default reports/shards), or run \`npm run conformance -- --shard=i/n\` for each shard i of n first`,
    );
  else if (shardsProblem)
    problems.push(
      `${shardsDir} ${shardsProblem}: give the directory holding the shard-<i>-of-<n>.json files (default reports/shards)`,
    );
  else if (shardFiles(shardsDir).length === 0)
    // First: no shard wrote records (an unreachable target, say), whatever else is wrong.
    problems.unshift(
      `no shard-<i>-of-<n>.json in ${shardsDir}; run \`npm run conformance -- --shard=i/n\` for each shard i of n first, then merge`,
    );
  else
    for (const name of shardFiles(shardsDir))
      if (statSync(join(shardsDir, name)).isDirectory())
        problems.push(
          `${join(shardsDir, name)} is a directory, not a shard's records file: remove it, or give the directory its shard's records are in`,
        );
  return problems;
}

// The names of the shard records files in a directory, sorted; none when it is no directory.
export function shardFiles(shardsDir: string): string[] {
  return existsSync(shardsDir) && statSync(shardsDir).isDirectory()
    ? readdirSync(shardsDir)
        .filter((f) => shardOfRecordsName(f) !== undefined)
        .sort()
    : [];
}

function notADirectory(path: string): string | undefined {
  if (!existsSync(path)) return 'does not exist';
  return statSync(path).isDirectory() ? undefined : 'is not a directory';
}
