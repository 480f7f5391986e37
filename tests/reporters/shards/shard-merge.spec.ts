import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { failed, requirementId, runRecords, skipped, testRecord } from '../helpers/records.ts';

const registry = getRegistry();
const tests = [
  testRecord({ file: 'a.spec.ts', line: 1, requirements: ['CANCEL.OK'] }),
  testRecord({
    file: 'a.spec.ts',
    line: 9,
    requirements: ['CANCEL.OK'],
    ...failed('second: expected 200, got 500'),
  }),
  testRecord({ file: 'b.spec.ts', line: 3, requirements: ['AUTH.EXPIRED'], ...skipped('no clock') }),
  testRecord({ file: 'c.spec.ts', line: 5, requirements: ['SCHEMA.ENTITY'] }),
  testRecord({
    file: 'd.spec.ts',
    line: 2,
    requirements: ['CANCEL.STATUS'],
    findings: [{ kind: 'violation', id: requirementId('SCHEMA.ENTITY'), text: '/status: bad' }],
  }),
];

function verdicts(records: ReturnType<typeof runRecords>) {
  const report = buildComplianceReport({ records, targetName: 'embedded', registry });
  return report.requirements.map((r) => [r.id, r.verdict, r.reason ?? '']);
}

test('merged shard records give the same verdicts as the unsharded run, whatever the split', () => {
  const whole = verdicts(runRecords(tests));
  const shard = (current: number, part: typeof tests) => runRecords(part, { shard: { current, total: 2 } });
  // The failing CANCEL.OK test lands on the other shard from its passing sibling.
  const merged = mergeRecords([
    shard(2, [tests[1]!, tests[3]!]),
    shard(1, [tests[0]!, tests[2]!, tests[4]!]),
  ]);
  expect(verdicts(merged)).toEqual(whole);
  expect(merged.runErrors).toEqual([]);
});

test('a missing shard is a run error, not silently NA evidence', () => {
  const merged = mergeRecords([runRecords(tests, { shard: { current: 1, total: 3 } })]);
  expect(merged.runErrors.map((e) => e.line)).toEqual(['shard 2 of 3 is missing', 'shard 3 of 3 is missing']);
  const report = buildComplianceReport({ records: merged, targetName: 'embedded', registry });
  expect(report.summary.exitCode).toBe(2);
});

test('shards of different suite versions or contracts are refused', () => {
  const other = runRecords(tests, { suite: { version: '0.2.0', contractHash: 'sha256:ffffffffffffffff' } });
  expect(() => mergeRecords([runRecords(tests), other])).toThrow(/shards ran different suites/);
});

// Installed from a package, a suite has no commit: its version alone tells two releases apart, and a
// release may keep the contract while its tests change.
test('shards of one contract but different versions are refused, without commits too', () => {
  const of = (version: string) => runRecords(tests, { suite: { version, contractHash: 'sha256:aaaa' } });
  expect(() => mergeRecords([of('0.1.0'), of('0.2.0')])).toThrow(
    'shards ran different suites: 0.1.0 (contract sha256:aaaa) and 0.2.0 (contract sha256:aaaa); rerun them from one commit',
  );
  expect(mergeRecords([of('0.1.0'), of('0.1.0')]).suite.version).toBe('0.1.0');
});

test('shards of one version and contract but different commits are refused, naming both commits', () => {
  const at = (commit: string) =>
    runRecords(tests, { suite: { version: '0.1.0', contractHash: 'sha256:aaaa', commit } });
  expect(() => mergeRecords([at('a'.repeat(40)), at('b'.repeat(40))])).toThrow(
    'shards ran different suites: 0.1.0 (commit aaaaaaaaaaaa, contract sha256:aaaa) and 0.1.0 (commit bbbbbbbbbbbb, contract sha256:aaaa); rerun them from one commit',
  );
  expect(mergeRecords([at('a'.repeat(40)), at('a'.repeat(40))]).suite.commit).toBe('a'.repeat(40));
});

test('shards run against different targets are refused: one report would name one of them for both', () => {
  const target = (faults: string[]) => ({
    embedded: {
      mode: 'embedded' as const,
      apiHost: 'loopback (emulator started by the suite)',
      description: `embedded reference emulator (profile default${faults.length ? `; faults ${faults}` : ''})`,
      profile: 'default',
      faults,
    },
  });
  const faulty = runRecords([tests[1]!], {
    shard: { current: 1, total: 2 },
    targets: target(['final-state-500']),
  });
  const clean = runRecords([tests[0]!], { shard: { current: 2, total: 2 }, targets: target([]) });
  expect(() => mergeRecords([faulty, clean])).toThrow(
    /shards ran against different targets: embedded is .*faults final-state-500.* in shard 1 of 2 and .*profile default\) in shard 2 of 2/,
  );
  // The same target described alike in every shard merges, whatever order its details came in.
  const reordered = { embedded: { ...target([]).embedded, faults: [], profile: 'default' } };
  const same = runRecords([tests[1]!], { shard: { current: 1, total: 2 }, targets: reordered });
  expect(mergeRecords([same, clean]).targets).toEqual(target([]));
});

test('tests every shard ran (dependency and teardown projects) are kept once, the worst outcome winning', () => {
  const clock = testRecord({
    file: 'clock/rate.spec.ts',
    project: 'conformance-clock',
    requirements: ['RATE.MINUTE'],
  });
  const merged = mergeRecords([
    runRecords([clock], { shard: { current: 1, total: 2 } }),
    runRecords([{ ...clock, ...failed('call 101: expected 429, got 200') }], {
      shard: { current: 2, total: 2 },
    }),
  ]);
  expect(merged.tests).toHaveLength(1);
  expect(merged.tests[0]!.outcome).toBe('failed');
});
