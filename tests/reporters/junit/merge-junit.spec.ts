import { junitOutputFile } from '../../../src/reporters/junit/junit-file.ts';
import { mergeJunit } from '../../../src/reporters/junit/merge-junit.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { shardXml } from '../helpers/shard-junit.ts';

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
  // a: passed over skipped; b: failure over error (a failure is evidence, as in the verdict rules and
  // the merged records); c: passed over skipped.
  expect(merged).toMatch(/^<testsuites id="" name="" tests="3" failures="1" skipped="0" errors="0" /);
  expect(merged.match(/<testcase name="b"/g)).toHaveLength(1);
});

test("one file's suites of two projects stay two suites, each with its project's cases", () => {
  // A tenant run's projects (the clock tests apart) each have their <testsuite> of the same file.
  const cases = [{ name: 'a' }, { name: 'b', result: 'failure' as const }];
  const merged = mergeJunit([
    { name: 'junit-1-of-2.xml', xml: shardXml('rate.spec.ts', cases, '', 1, 'conformance') },
    { name: 'junit-2-of-2.xml', xml: shardXml('rate.spec.ts', cases, '', 1, 'clock') },
  ]);
  expect(merged).toMatch(/^<testsuites id="" name="" tests="4" failures="2" /);
  expect(merged.match(/<testsuite name="rate.spec.ts"[^>]*hostname="(\w+)"/g)).toEqual([
    expect.stringContaining('hostname="conformance"'),
    expect.stringContaining('hostname="clock"'),
  ]);
});
