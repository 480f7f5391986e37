import { loadConfig } from '../../../src/harness/config/load-config.ts';
import type { RunRecords } from '../../../src/reporters/records/test-record.ts';
import {
  GENERATED_RUN_ID,
  type ShardFile,
  shardSetProblem,
} from '../../../src/reporters/shards/shard-set.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

// What shard-set.ts lets through: the legitimate sets merge as before (shard-set-cli.spec.ts has the
// refusals, one through npm run report:merge).
const a = testRecord({ file: 'a.spec.ts', line: 1, title: 'a' });
const b = testRecord({ file: 'b.spec.ts', line: 2, title: 'b' });
const clock = testRecord({
  file: 'clock/rate.spec.ts',
  line: 3,
  title: 'clock',
  project: 'conformance-clock',
});

function shard(current: number, total: number, tests = [a], records: Partial<RunRecords> = {}): ShardFile {
  return {
    name: `shard-${current}-of-${total}.json`,
    records: runRecords(tests, { shard: { current, total }, ...records }),
  };
}

test('the run ids each machine generated differ from shard to shard, and merge', () => {
  const id = loadConfig({}).runId;
  expect(id).toMatch(GENERATED_RUN_ID);
  const other = loadConfig({}).runId;
  expect(
    shardSetProblem([shard(1, 2, [a], { runId: id }), shard(2, 2, [b], { runId: other })]),
  ).toBeUndefined();
  // A given id on one shard and none (or a generated one) on another is two runs.
  expect(shardSetProblem([shard(1, 2, [a], { runId: 'ci-7' }), shard(2, 2, [b], { runId: id })])).toMatch(
    /is of run ci-7, shard-2-of-2\.json of run run-/,
  );
  expect(
    shardSetProblem([shard(1, 2, [a], { runId: 'ci-7' }), shard(2, 2, [b], { runId: 'ci-7' })]),
  ).toBeUndefined();
});

test('a test every shard of a split ran (a dependency project) is no overlap with another split', () => {
  const set = [shard(1, 2, [a, clock]), shard(2, 2, [b, clock]), shard(1, 1, [clock])];
  expect(shardSetProblem(set)).toBeUndefined();
  // One the split drew on one shard only is: that test ran twice, in two runs.
  expect(shardSetProblem([shard(1, 2, [a, clock]), shard(2, 2, [b]), shard(1, 1, [clock])])).toMatch(
    /both ran clock\/rate\.spec\.ts:3 "clock"/,
  );
});

test("an unsharded run's records under a shard's name are refused", () => {
  const unsharded = { name: 'shard-1-of-1.json', records: runRecords([a]) };
  expect(shardSetProblem([unsharded])).toMatch(
    /^shard-1-of-1\.json holds the records of an unsharded run, not of shard 1 of 1 as its name says/,
  );
});
