import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { junitAgreeingWith } from '../../../src/reporters/junit/junit-outcomes.ts';
import { writeMergedJunit } from '../../../src/reporters/junit/merge-junit.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { shardXml } from '../helpers/shard-junit.ts';

test.afterEach(removeTempDirs);

// Walked: `npm run conformance -- --grep @CANCEL.FINAL` wrote a junit.xml of five green tests and
// nothing else, read by a CI test tab as the whole run; compliance.json said partial (notRun,
// narrowedBy). Each <testsuite> now carries <property name="partial-run">; a whole run's none.
const all = getRegistry().requirements.map((r) => r.id);
const partialProperty = /<property name="partial-run" value="([^"]*)">/g;

test('a run narrowed by --grep says so in every suite of junit.xml', () => {
  const records = runRecords([testRecord({ title: 't', file: 'final-states.spec.ts', requirements: all })], {
    narrowedBy: ['--grep @CANCEL.FINAL'],
  });
  const { xml } = junitAgreeingWith(shardXml('final-states.spec.ts', [{ name: 't' }]), records);
  const values = [...xml.matchAll(partialProperty)].map((m) => m[1]);
  expect(values).toEqual([
    'partial run: tests selected by --grep @CANCEL.FINAL, so each verdict rests only on those',
  ]);
  // Where the JUnit format has a suite's properties: before its first case.
  expect(xml).toMatch(/<testsuite [^>]*>\n<properties>\n<property name="partial-run"/);
});

test('a run that left requirements without a test says how many; a whole run says nothing', () => {
  const few = runRecords([testRecord({ title: 't', file: 'cancel.spec.ts', requirements: [all[0]!] })]);
  const partial = junitAgreeingWith(shardXml('cancel.spec.ts', [{ name: 't' }]), few).xml;
  expect([...partial.matchAll(partialProperty)].map((m) => m[1])).toEqual([
    `partial run: ${all.length - 1} of ${all.length} requirements had no test in it`,
  ]);
  const whole = runRecords([testRecord({ title: 't', file: 'cancel.spec.ts', requirements: all })]);
  expect(junitAgreeingWith(partial, whole).xml).not.toContain('partial-run');
});

test("merged shards' junit.xml is partial as the merged records are, not as each shard was", () => {
  const dir = tempDir('junit-partial-merge-');
  const shards = join(dir, 'shards');
  mkdirSync(shards, { recursive: true });
  // Each shard alone had requirements without a test; together they have none.
  const half = Math.floor(all.length / 2);
  const parts = [all.slice(0, half), all.slice(half)];
  parts.forEach((requirements, i) => {
    const one = runRecords([testRecord({ title: `t${i}`, file: `f${i}.spec.ts`, requirements })]);
    const xml = junitAgreeingWith(shardXml(`f${i}.spec.ts`, [{ name: `t${i}` }]), one).xml;
    expect(xml).toContain('partial-run');
    writeFileSync(join(shards, `junit-${i + 1}-of-2.xml`), xml);
  });
  const records = runRecords(
    parts.map((requirements, i) => testRecord({ title: `t${i}`, file: `f${i}.spec.ts`, requirements })),
  );
  const merged = { shards: ['shard-1-of-2.json', 'shard-2-of-2.json'], records };
  expect(writeMergedJunit(shards, dir, merged).ok).toBe(true);
  const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(xml).toMatch(/ tests="2" /);
  expect(xml).not.toContain('partial-run');
});
