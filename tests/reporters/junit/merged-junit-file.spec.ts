import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMergedJunit } from '../../../src/reporters/junit/merge-junit.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { shardXml } from '../helpers/shard-junit.ts';

test.afterEach(removeTempDirs);

// reports/junit.xml as report:merge writes it: from the JUnit files of the shards whose records were
// merged, each test as the merged records judged it, and never one that disagrees with the report.
test('a damaged shard file leaves no junit.xml and says which file', () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  writeFileSync(join(dir, 'junit.xml'), shardXml('old.spec.ts', [{ name: 'old' }]));
  writeFileSync(join(shards, 'junit-1-of-2.xml'), shardXml('auth.spec.ts', [{ name: 'a' }]));
  writeFileSync(join(shards, 'junit-2-of-2.xml'), shardXml('cancel.spec.ts', [{ name: 'c' }]).slice(0, 120));
  const result = writeMergedJunit(shards, dir, {
    shards: ['shard-1-of-2.json', 'shard-2-of-2.json'],
    records: runRecords([]),
  });
  expect(result.ok).toBe(false);
  expect(result.line).toContain(
    'junit-2-of-2.xml is not a JUnit report (no <testsuites> element): run its shard again',
  );
  expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
});

test("merging writes reports/junit.xml from the shards' files, in shard order", () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  const merged = Array.from({ length: 10 }, (_, i) => `shard-${i + 1}-of-10.json`);
  for (let i = 1; i <= 10; i++)
    writeFileSync(join(shards, `junit-${i}-of-10.xml`), shardXml(`file-${i}.spec.ts`, [{ name: 't' }]));
  expect(writeMergedJunit(shards, dir, { shards: merged, records: runRecords([]) })).toMatchObject({
    ok: true,
    line: expect.stringContaining('from 10 shard JUnit file(s)'),
  });
  const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(xml).toContain('tests="10"');
  const order = [...xml.matchAll(/<testsuite name="file-(\d+)/g)].map((m) => Number(m[1]));
  expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('without shard JUnit files an older junit.xml is removed: it would disagree with the merged report', () => {
  const dir = tempDir('merge-junit-');
  writeFileSync(join(dir, 'junit.xml'), shardXml('old.spec.ts', [{ name: 'old' }]));
  expect(
    writeMergedJunit(join(dir, 'shards'), dir, { shards: ['shard-1-of-1.json'], records: runRecords([]) }),
  ).toMatchObject({
    ok: true,
    line: expect.stringContaining("(another run's) removed"),
  });
  expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
});

// The merged report errs for a missing shard and counts only the tests of the shards it holds; a
// junit.xml that also counted the missing shard's (all passed) would contradict it.
test('only the JUnit files of the shards whose records were merged are merged, the others named', () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  writeFileSync(join(shards, 'junit-1-of-2.xml'), shardXml('auth.spec.ts', [{ name: 'a' }, { name: 'b' }]));
  writeFileSync(join(shards, 'junit-2-of-2.xml'), shardXml('cancel.spec.ts', [{ name: 'c' }]));
  expect(writeMergedJunit(shards, dir, { shards: ['shard-1-of-2.json'], records: runRecords([]) })).toEqual({
    ok: true,
    line: `merge-shards: ${join(dir, 'junit.xml')} from 1 shard JUnit file(s); left out junit-2-of-2.xml: no records of that shard were merged`,
  });
  const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(xml).toMatch(/^<testsuites id="" name="" tests="2" /);
  expect(xml).not.toContain('cancel.spec.ts');
});

test('a merged shard without its JUnit file leaves no junit.xml: it would count fewer tests', () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  writeFileSync(join(shards, 'junit-1-of-2.xml'), shardXml('auth.spec.ts', [{ name: 'a' }]));
  const result = writeMergedJunit(shards, dir, {
    shards: ['shard-1-of-2.json', 'shard-2-of-2.json'],
    records: runRecords([]),
  });
  expect(result.ok).toBe(false);
  expect(result.line).toContain("junit-2-of-2.xml missing beside its shard's records");
  expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
});

test('the merged junit.xml writes each test as the merged records judged it', () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  writeFileSync(
    join(shards, 'junit-1-of-1.xml'),
    shardXml('auth.spec.ts', [{ name: 'a', result: 'skipped' }]),
  );
  const records = runRecords([
    // As the records of an interrupted test hold it: errored, with its line.
    testRecord({
      title: 'a',
      file: 'auth.spec.ts',
      status: 'interrupted',
      outcome: 'errored',
      error: { category: 'suite-error', line: 'the run was interrupted' },
    }),
  ]);
  expect(writeMergedJunit(shards, dir, { shards: ['shard-1-of-1.json'], records }).ok).toBe(true);
  expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(
    / tests="1" failures="0" skipped="0" errors="1" /,
  );
});
