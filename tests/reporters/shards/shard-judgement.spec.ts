import { EXIT } from '../../../src/reporters/run/run-outcome.ts';
import { judgedShard, shardExitCode } from '../../../src/reporters/shards/shard-judgement.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

// A shard's records are written whatever its judgement does (reporter-inline-shards.spec.ts runs whole ones;
// no real input makes the judgement throw, so a judge that throws stands in for a bug of the suite).
test('a shard whose judgement throws exits 2 and says so in its records, which keep their tests', () => {
  const records = runRecords([
    testRecord({ title: 'cancel of a Pending action', requirements: ['CANCEL.OK'] }),
  ]);
  const code = judgedShard(records, () => {
    throw new Error('registry changed under the run');
  });
  expect(code).toBe(EXIT.ERRORED);
  expect(records.runErrors).toEqual([
    { category: 'suite-error', line: 'judging the shard failed: registry changed under the run' },
  ]);
  expect(records.tests).toHaveLength(1);
});

test("a shard's judgement that returns is its exit code, and adds no run error", () => {
  const records = runRecords([]);
  expect(judgedShard(records, () => EXIT.NOT_CONFORMING)).toBe(EXIT.NOT_CONFORMING);
  expect(records.runErrors).toEqual([]);
});

// A shard stopped before its first test (its target refused the set-up) holds a run error and no test:
// it must not exit 0 as if its tests had all passed.
test('a shard with a run error and no test exits 2', () => {
  const records = runRecords([], {
    runErrors: [{ category: 'suite-error', line: 'global setup failed: the emulator did not start' }],
  });
  expect(shardExitCode(records, undefined)).toBe(EXIT.ERRORED);
});
