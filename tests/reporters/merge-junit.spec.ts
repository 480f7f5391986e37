import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitOutputFile } from '../../src/reporters/junit-file.ts';
import { mergeJunit, writeMergedJunit } from '../../src/reporters/merge-junit.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';
import { runRecords, testRecord } from './helpers/records.ts';

test.afterEach(removeTempDirs);

// As Playwright's JUnit reporter writes them: one suite per file, its cases with their results, failure
// texts and output in CDATA (which may quote whatever a target answered).
type Case = { name: string; result?: 'failure' | 'error' | 'skipped'; text?: string; time?: number };
const caseXml = (file: string, c: Case) => {
  const cdata = `<![CDATA[${c.text ?? ''}]]>`;
  const inner =
    c.result === 'skipped'
      ? '<skipped>\n</skipped>\n'
      : c.result
        ? `<${c.result} message="m" type="FAILURE">\n${cdata}\n</${c.result}>\n`
        : c.text
          ? `<system-out>\n${cdata}\n</system-out>\n`
          : '';
  return `<testcase name="${c.name}" classname="${file}" time="${c.time ?? 0.25}">\n<properties>\n<property name="requirement" value="CANCEL.OK">\n</property>\n</properties>\n${inner}</testcase>`;
};
const shardXml = (file: string, cases: Case[], runName = '', wall = 1) =>
  `<testsuites id="" name="${runName}" tests="${cases.length}" failures="0" skipped="0" errors="0" time="${wall}">
<testsuite name="${file}" timestamp="2026-12-03T13:09:54.706Z" hostname="conformance" tests="${cases.length}" failures="0" skipped="0" time="1" errors="0">
${cases.map((c) => caseXml(file, c)).join('\n')}
</testsuite>
</testsuites>`;

test('a shard run writes its JUnit file beside its records, a whole run to reports/junit.xml', () => {
  expect(junitOutputFile(['node', 'cli.js', 'test', '--shard=2/3'])).toBe('reports/shards/junit-2-of-3.xml');
  expect(junitOutputFile(['node', 'cli.js', 'test', '--shard', '1/2'])).toBe(
    'reports/shards/junit-1-of-2.xml',
  );
  expect(junitOutputFile(['node', 'cli.js', 'test', '--grep', '@CANCEL'])).toBe('reports/junit.xml');
});

test('the merged JUnit holds every shard suite, counted from the cases it holds', () => {
  const merged = mergeJunit([
    {
      name: 'junit-1-of-2.xml',
      xml: shardXml(
        'auth.spec.ts',
        [{ name: 'a' }, { name: 'b', result: 'failure' }, { name: 'c', result: 'skipped' }],
        'MDE',
        4,
      ),
    },
    {
      name: 'junit-2-of-2.xml',
      xml: shardXml('cancel.spec.ts', [{ name: 'd', result: 'error', time: 0.5 }], '', 2.5),
    },
  ]);
  // The run's time is the longest shard's wall time (the first's here), as Playwright writes a run's.
  expect(merged).toMatch(
    /^<testsuites id="" name="MDE" tests="4" failures="1" skipped="1" errors="1" time="4">/,
  );
  expect(merged).toContain(
    '<testsuite name="auth.spec.ts" timestamp="2026-12-03T13:09:54.706Z" hostname="conformance" tests="3" failures="1" skipped="1" errors="0" time="0.75">',
  );
  expect(merged.match(/<testcase /g)).toHaveLength(4);
});

test('markup quoted in failure texts and output (CDATA) is neither read nor lost', () => {
  const quoted = 'the target said: </testcase></testsuite> <error> <failure> <skipped>';
  const merged = mergeJunit([
    {
      name: 'junit-1-of-1.xml',
      xml: shardXml('auth.spec.ts', [
        { name: 'a', text: quoted },
        { name: 'b', result: 'failure', text: quoted },
        { name: 'c', result: 'failure' },
      ]),
    },
  ]);
  expect(merged).toMatch(/^<testsuites id="" name="" tests="3" failures="2" skipped="0" errors="0" /);
  expect(merged.split(`<![CDATA[${quoted}]]>`)).toHaveLength(3);
  expect(merged.match(/<testcase /g)).toHaveLength(3);
});

test('a test found in several shards is kept once, its worst result', () => {
  // Shards of two splits left in one directory, or a project Playwright runs whole on every shard.
  const merged = mergeJunit([
    {
      name: 'junit-1-of-2.xml',
      xml: shardXml('auth.spec.ts', [
        { name: 'a', result: 'skipped' },
        { name: 'b', result: 'failure' },
        { name: 'c' },
      ]),
    },
    {
      name: 'junit-1-of-1.xml',
      xml: shardXml('auth.spec.ts', [
        { name: 'a' },
        { name: 'b', result: 'error' },
        { name: 'c', result: 'skipped' },
      ]),
    },
  ]);
  // a: passed over skipped; b: error over failure; c: passed over skipped.
  expect(merged).toMatch(/^<testsuites id="" name="" tests="3" failures="0" skipped="0" errors="1" /);
  expect(merged.match(/<testcase name="b"/g)).toHaveLength(1);
});

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
    testRecord({ title: 'a', file: 'auth.spec.ts', status: 'interrupted', outcome: 'errored' }),
  ]);
  expect(writeMergedJunit(shards, dir, { shards: ['shard-1-of-1.json'], records }).ok).toBe(true);
  expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(
    / tests="1" failures="0" skipped="0" errors="1" /,
  );
});
