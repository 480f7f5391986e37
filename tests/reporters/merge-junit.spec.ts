import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitOutputFile } from '../../src/reporters/junit-file.ts';
import { mergeJunit, writeMergedJunit } from '../../src/reporters/merge-junit.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// As Playwright's JUnit reporter writes them.
const shardXml = (file: string, tests: number, failures: number, time: number) =>
  `<testsuites id="" name="" tests="${tests}" failures="${failures}" skipped="0" errors="0" time="${time}">
<testsuite name="${file}" timestamp="2026-12-03T13:09:54.706Z" hostname="conformance" tests="${tests}" failures="${failures}" skipped="0" time="${time}" errors="0">
<testcase name="a test of ${file}" classname="${file}" time="${time}">
</testcase>
</testsuite>
</testsuites>`;

test('a shard run writes its JUnit file beside its records, a whole run to reports/junit.xml', () => {
  expect(junitOutputFile(['node', 'cli.js', 'test', '--shard=2/3'])).toBe('reports/shards/junit-2-of-3.xml');
  expect(junitOutputFile(['node', 'cli.js', 'test', '--shard', '1/2'])).toBe(
    'reports/shards/junit-1-of-2.xml',
  );
  expect(junitOutputFile(['node', 'cli.js', 'test', '--grep', '@CANCEL'])).toBe('reports/junit.xml');
});

test('the merged JUnit holds every shard suite under totals summed from the shards', () => {
  const merged = mergeJunit([
    { name: 'junit-1-of-2.xml', xml: shardXml('auth.spec.ts', 7, 1, 1.25) },
    { name: 'junit-2-of-2.xml', xml: shardXml('cancel.spec.ts', 5, 0, 0.5) },
  ]);
  expect(merged).toMatch(
    /^<testsuites id="" name="" tests="12" failures="1" skipped="0" errors="0" time="1.75">/,
  );
  expect(merged.match(/<testsuite /g)).toHaveLength(2);
  expect(merged).toContain('classname="auth.spec.ts"');
  expect(merged).toContain('classname="cancel.spec.ts"');
});

test('a shard file that is not JUnit stops the merge, naming the file', () => {
  expect(() => mergeJunit([{ name: 'junit-2-of-2.xml', xml: '{"not":"xml"}' }])).toThrow(
    'junit-2-of-2.xml is not a JUnit report (no <testsuites> element): run its shard again',
  );
});

test("merging writes reports/junit.xml from the shards' files, in shard order", () => {
  const dir = tempDir('merge-junit-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  for (let i = 1; i <= 10; i++)
    writeFileSync(join(shards, `junit-${i}-of-10.xml`), shardXml(`file-${i}.spec.ts`, 1, 0, 0.1));
  expect(writeMergedJunit(shards, dir)).toContain('from 10 shard JUnit file(s)');
  const merged = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(merged).toContain('tests="10"');
  const order = [...merged.matchAll(/<testsuite name="file-(\d+)/g)].map((m) => Number(m[1]));
  expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('without shard JUnit files an older junit.xml is removed: it would disagree with the merged report', () => {
  const dir = tempDir('merge-junit-');
  writeFileSync(join(dir, 'junit.xml'), shardXml('old.spec.ts', 56, 0, 5));
  expect(writeMergedJunit(join(dir, 'shards'), dir)).toContain("(another run's) removed");
  expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
});
