import {
  shardJunitName,
  shardOfJunitName,
  shardOfRecordsName,
  shardRecordsName,
} from '../../src/common/report-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// A shard's files are named once (report-files.ts); the merge reads the shard back from the same name.
test("a shard's records and JUnit names read back as the shard they were written for", () => {
  for (const shard of [
    { current: 1, total: 1 },
    { current: 3, total: 12 },
  ]) {
    expect(shardOfRecordsName(shardRecordsName(shard))).toEqual(shard);
    expect(shardOfJunitName(shardJunitName(shard))).toEqual(shard);
  }
});

test('any other file in reports/shards/ is no shard', () => {
  for (const name of [
    'junit-1-of-2.xml',
    'shard-a-of-2.json',
    'shard-1-of-2.json.tmp',
    'shard-1-of-.json',
    'x.json',
  ])
    expect(shardOfRecordsName(name), name).toBeUndefined();
  for (const name of ['shard-1-of-2.json', 'junit-1-of-2.xml.bak', 'junit--1-of-2.xml'])
    expect(shardOfJunitName(name), name).toBeUndefined();
});
