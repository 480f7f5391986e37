import { shardOfRecordsName } from '../../common/report-files.ts';
import type { RunRecords, TestRecord } from '../records/test-record.ts';

// Whether the shard files in one directory are the shards of one run. A directory that still holds an
// earlier run's files (reports/shards/ on a machine that ran shards before, a CI artefact left in a
// cache) was merged as if they belonged: one report resting on the evidence of two runs. Refused in one
// line naming the files and what to do, before anything is written; merge-records.ts refuses shards of
// another suite, contract or target description.
//
// What is legitimate and stays so: a run split twice (a dedicated `--project=conformance-clock
// --shard=1/1` job beside `--shard=i/3` of the rest) holds two sets of different counts whose tests do
// not overlap; each set is checked for missing shards on its own (merge-records.ts, missingShards), and
// mixedSplits() says it on the console. Generated run ids differ from shard to shard (each machine
// makes its own), so only a given MDE_RUN_ID is compared.

export interface ShardFile {
  // The file's name in the shards directory (shard-<i>-of-<n>.json).
  name: string;
  records: RunRecords;
}

// load-config.ts (newRunId) makes a run's id in this shape when MDE_RUN_ID is not given.
export const GENERATED_RUN_ID = /^run-\d{8}T\d{6}-[0-9a-f]{6}$/;

const REMEDY = "remove the other run's files, or merge each run from a directory of its own";

// The first reason the files are not one run's shards, one line; undefined when they are.
export function shardSetProblem(files: readonly ShardFile[]): string | undefined {
  return (
    misnamed(files) ?? twice(files) ?? otherTargets(files) ?? otherRunIds(files) ?? overlappingSplits(files)
  );
}

// The file's name is what the merge counts shards by: its records must say the same shard.
function misnamed(files: readonly ShardFile[]): string | undefined {
  for (const { name, records } of files) {
    const named = shardNamed(name);
    const held = records.shard;
    if (held && held.current === named.current && held.total === named.total) continue;
    const what = held ? `shard ${held.current} of ${held.total}` : 'an unsharded run';
    return `${name} holds the records of ${what}, not of shard ${named.current} of ${named.total} as its name says: put that shard's own file there (npm run conformance -- --shard=${named.current}/${named.total} writes it), or remove this one`;
  }
  return undefined;
}

// shard-1-of-2.json and shard-01-of-2.json: one shard's evidence counted twice, perhaps of two runs.
function twice(files: readonly ShardFile[]): string | undefined {
  const byShard = groupBy(files, (f) => `${shardNamed(f.name).current} of ${shardNamed(f.name).total}`);
  for (const [shard, same] of byShard)
    if (same.length > 1)
      return `shard ${shard} is there ${same.length} times (${same.map((f) => f.name).join(', ')}): keep the file of the run to merge and remove the others`;
  return undefined;
}

// Every shard of a run knows all the run's targets (the plan's), whichever tests it drew.
function otherTargets(files: readonly ShardFile[]): string | undefined {
  const first = files[0];
  const names = (f: ShardFile) => Object.keys(f.records.targets).sort().join(', ');
  const other = files.find((f) => names(f) !== names(first!));
  if (!first || !other) return undefined;
  return `${first.name} ran against ${names(first)}, ${other.name} against ${names(other)}: these are shards of two runs; ${REMEDY}`;
}

// A given MDE_RUN_ID names the run: every shard of it carries it (set it alike on every machine; a
// CI re-run of one shard keeps it when it is the workflow's run id, not its attempt).
function otherRunIds(files: readonly ShardFile[]): string | undefined {
  const given = files.find((f) => f.records.runId && !GENERATED_RUN_ID.test(f.records.runId));
  if (!given) return undefined;
  const other = files.find((f) => f.records.runId !== given.records.runId);
  if (!other) return undefined;
  const id = (f: ShardFile) => (f.records.runId ? `run ${f.records.runId}` : 'a run without an id');
  return `${given.name} is of ${id(given)}, ${other.name} of ${id(other)}: shards of one run share its MDE_RUN_ID; ${REMEDY} (or give every shard the same MDE_RUN_ID)`;
}

// Two splits of a run cover different tests; two splits that ran the same test are two runs. A test
// Playwright runs whole on every shard of a split (a dependency or teardown project) says nothing.
function overlappingSplits(files: readonly ShardFile[]): string | undefined {
  const splits = [...groupBy(files, (f) => String(shardNamed(f.name).total)).values()];
  for (const [i, one] of splits.entries())
    for (const two of splits.slice(i + 1)) {
      const theirs = shardedTests(two);
      const shared = [...shardedTests(one).keys()].filter((key) => theirs.has(key));
      if (shared.length === 0) continue;
      const [older, newer] = [one, two].sort((a, b) => startOf(a).localeCompare(startOf(b)));
      const test = theirs.get(shared[0]!)!;
      const more = shared.length > 1 ? ` and ${shared.length - 1} more` : '';
      return `the shards of ${totalOf(older!)} (${namesOf(older!)}, started ${startOf(older!)}) and of ${totalOf(newer!)} (${namesOf(newer!)}, started ${startOf(newer!)}) both ran ${test.file}:${test.line} "${test.title}"${more}: two runs split differently; ${REMEDY}`;
    }
  return undefined;
}

// The split's tests by identity, but those every one of its shards ran (with two shards or more).
function shardedTests(split: readonly ShardFile[]): Map<string, TestRecord> {
  const counts = new Map<string, { test: TestRecord; shards: number }>();
  for (const { records } of split)
    for (const key of new Set(records.tests.map(keyOf))) {
      const test = records.tests.find((t) => keyOf(t) === key)!;
      counts.set(key, { test, shards: (counts.get(key)?.shards ?? 0) + 1 });
    }
  const whole = (shards: number) => split.length > 1 && shards === split.length;
  return new Map([...counts].filter(([, c]) => !whole(c.shards)).map(([key, c]) => [key, c.test]));
}

// Splits of different counts whose tests do not overlap (checked above): one line for the console.
export function mixedSplits(files: readonly ShardFile[]): string | undefined {
  const splits = [...groupBy(files, (f) => String(shardNamed(f.name).total)).values()];
  if (splits.length < 2) return undefined;
  return `merged ${splits.length} splits of different shard counts (${splits.map((s) => `${namesOf(s)}`).join('; ')}): their tests do not overlap, so they are taken as parts of one run`;
}

function keyOf(t: TestRecord): string {
  return [t.target, t.project, t.file, t.line, t.title, t.repeat ?? 0].join('\u0000');
}

// Only files named as shards are read (shard-arguments.ts), so every name has its shard.
const shardNamed = (name: string) => shardOfRecordsName(name)!;

const totalOf = (split: readonly ShardFile[]) => shardNamed(split[0]!.name).total;
const namesOf = (split: readonly ShardFile[]) => split.map((f) => f.name).join(', ');
const startOf = (split: readonly ShardFile[]) => split.map((f) => f.records.startedAt).sort()[0]!;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
