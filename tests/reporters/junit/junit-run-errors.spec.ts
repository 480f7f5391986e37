import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitAgreeingWith } from '../../../src/reporters/junit/junit-outcomes.ts';
import { writeMergedJunit } from '../../../src/reporters/junit/merge-junit.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { shardXml } from '../helpers/shard-junit.ts';

test.afterEach(removeTempDirs);

// A run's own errors belong to no test; junit.xml showed none of them, so a CI's test view was green
// (or "0 tests") for a run that exited 2 or 3. Each is now an errored case of the suite "run errors".
const crashed = () =>
  runRecords([testRecord({ title: 't', file: 'cancel.spec.ts' })], {
    runErrors: [
      { category: 'suite-error', line: 'SuiteError: worker 1 crashed <exit 1> & "left"' },
      { category: 'suite-error', line: 'SuiteError: tests/x.spec.ts did not load' },
      { category: 'target-unreachable', line: 'TargetUnreachableError: http://127.0.0.1:9: refused' },
    ],
  });

test('a run\'s own errors are errored cases of the suite "run errors", counted in the totals', () => {
  const { xml, changed } = junitAgreeingWith(shardXml('cancel.spec.ts', [{ name: 't' }]), crashed());
  // No test changed: the run errors are cases of their own.
  expect(changed).toBe(0);
  expect(xml).toMatch(/^<testsuites id="" name="" tests="4" failures="0" skipped="0" errors="3" time="1">/);
  expect(xml).toContain(
    '<testsuite name="run errors" timestamp="2026-01-01T00:00:00.000Z" hostname="run" tests="3"',
  );
  const names = [...xml.matchAll(/<testcase name="([^"]*)" classname="run errors"/g)].map((m) => m[1]);
  expect(names).toEqual(['suite-error', 'suite-error 2', 'target-unreachable']);
  expect(xml).toContain(
    '<error message="SuiteError: worker 1 crashed &lt;exit 1&gt; &amp; &quot;left&quot;" type="suite-error">',
  );
});

test('aligning a file again replaces its run errors instead of adding them twice; none left none', () => {
  const once = junitAgreeingWith(shardXml('cancel.spec.ts', [{ name: 't' }]), crashed()).xml;
  expect(junitAgreeingWith(once, crashed()).xml).toBe(once);
  const clean = junitAgreeingWith(once, runRecords([testRecord({ title: 't', file: 'cancel.spec.ts' })])).xml;
  expect(clean).not.toContain('run errors');
  expect(clean).toMatch(/^<testsuites id="" name="" tests="1" failures="0" skipped="0" errors="0"/);
});

test("the merged junit.xml holds the merged report's run errors once, a missing shard's among them", () => {
  const dir = tempDir('merge-run-errors-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  const shardRecords = (line: string) => runRecords([], { runErrors: [{ category: 'suite-error', line }] });
  // Each shard's file carries its own run error, as the shard's run wrote it.
  writeFileSync(
    join(shards, 'junit-1-of-2.xml'),
    junitAgreeingWith(shardXml('a.spec.ts', [{ name: 'a' }]), shardRecords('SuiteError: one')).xml,
  );
  writeFileSync(
    join(shards, 'junit-2-of-2.xml'),
    junitAgreeingWith(shardXml('b.spec.ts', [{ name: 'b' }]), shardRecords('SuiteError: two')).xml,
  );
  const records = runRecords([], {
    runErrors: [
      { category: 'suite-error', line: 'SuiteError: one' },
      { category: 'suite-error', line: 'SuiteError: two' },
      { category: 'suite-error', line: 'SuiteError: shard 3/3 missing' },
    ],
  });
  writeMergedJunit(shards, dir, { shards: ['shard-1-of-2.json', 'shard-2-of-2.json'], records });
  const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(xml.match(/<testsuite name="run errors"/g)).toHaveLength(1);
  expect([...xml.matchAll(/<error message="([^"]*)"/g)].map((m) => m[1])).toEqual([
    'SuiteError: one',
    'SuiteError: two',
    'SuiteError: shard 3/3 missing',
  ]);
  expect(xml).toMatch(/^<testsuites id="" name="" tests="5" failures="0" skipped="0" errors="3"/);
});
