import type { RunRecords, TargetInfo, TestRecord } from '../records/test-record.ts';
import { mergedQuota } from './merge-quota.ts';

// Merges the records of the shards of one run into the records of an unsharded run, so the verdicts
// come out the same. Shards of different suite versions or contracts are refused: their evidence
// would not be about the same thing.
export function mergeRecords(shards: RunRecords[]): RunRecords {
  if (shards.length === 0) throw new Error('no shard records to merge');
  const first = shards[0]!;
  for (const shard of shards) {
    if (
      shard.suite.contractHash !== first.suite.contractHash ||
      shard.suite.version !== first.suite.version ||
      shard.suite.commit !== first.suite.commit
    )
      throw new Error(
        `shards ran different suites: ${suiteOf(first)} and ${suiteOf(shard)}; rerun them from one commit`,
      );
  }
  refuseOtherTargets(shards);
  const merged: RunRecords = {
    version: 1,
    suite: first.suite,
    startedAt: shards.map((s) => s.startedAt).sort()[0]!,
    durationMs: Math.max(...shards.map((s) => s.durationMs)),
    targets: Object.assign({}, ...shards.map((s) => s.targets)),
    runErrors: [...shards.flatMap((s) => s.runErrors), ...missingShards(shards)],
    tests: dedupe(shards.flatMap((s) => s.tests)).sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.project.localeCompare(b.project) ||
        (a.repeat ?? 0) - (b.repeat ?? 0),
    ),
  };
  // A shard narrowed by --grep narrows the merged run alike.
  const narrowedBy = [...new Set(shards.flatMap((s) => s.narrowedBy ?? []))];
  if (narrowedBy.length > 0) merged.narrowedBy = narrowedBy;
  const quota = mergedQuota(shards);
  if (quota !== undefined) merged.quota = quota;
  return merged;
}

// Shards run against different targets (another emulator's faults, another host; a stale shard file
// of an earlier run) would make one report naming one target for the evidence of both.
function refuseOtherTargets(shards: RunRecords[]): void {
  const seen = new Map<string, { shard: RunRecords; info: TargetInfo }>();
  for (const shard of shards)
    for (const [name, info] of Object.entries(shard.targets)) {
      const first = seen.get(name);
      if (!first) seen.set(name, { shard, info });
      else if (canonical(first.info) !== canonical(info)) {
        const said = (i: TargetInfo) =>
          first.info.description === info.description ? canonical(i) : i.description;
        throw new Error(
          `shards ran against different targets: ${name} is ${said(first.info)} in ${shardOf(first.shard)} and ${said(info)} in ${shardOf(shard)}; merge the shards of one run`,
        );
      }
    }
}

function canonical(info: TargetInfo): string {
  return JSON.stringify(Object.fromEntries(Object.entries(info).sort(([a], [b]) => a.localeCompare(b))));
}

function shardOf(records: RunRecords): string {
  return records.shard ? `shard ${records.shard.current} of ${records.shard.total}` : 'an unsharded run';
}

// A missing shard means missing evidence: the merged run errors instead of reporting NA for it.
// Runs split differently (3 shards of one project, 1 of another) are checked each on its own.
export function missingShards(shards: RunRecords[]): RunRecords['runErrors'] {
  const totals = new Set(shards.flatMap((s) => (s.shard ? [s.shard.total] : [])));
  return [...totals].flatMap((total) => {
    const present = new Set(shards.filter((s) => s.shard?.total === total).map((s) => s.shard!.current));
    return Array.from({ length: total }, (_, i) => i + 1)
      .filter((i) => !present.has(i))
      .map((i) => ({ category: 'suite-error' as const, line: `shard ${i} of ${total} is missing` }));
  });
}

// Playwright runs dependency and teardown projects whole on every shard, so their tests come back once
// per shard. The repetitions of --repeat-each are no copies: each is a test of its own, as in an
// unsharded run (Playwright may shard them apart). One copy each is kept, the most damning one in the order of the verdict rules (verdict.ts):
// a failure is evidence and outranks a copy that reached no verdict. The violations every copy's
// exchanges showed are kept with it, as an unsharded run would count them.
const SEVERITY: Record<TestRecord['outcome'], number> = { failed: 3, errored: 2, passed: 1, skipped: 0 };

function dedupe(tests: TestRecord[]): TestRecord[] {
  const byKey = new Map<string, TestRecord[]>();
  for (const test of tests) {
    const key = [test.target, test.project, test.file, test.line, test.title, test.repeat ?? 0].join(
      '\u0000',
    );
    byKey.set(key, [...(byKey.get(key) ?? []), test]);
  }
  return [...byKey.values()].map((copies) => {
    const kept = copies.reduce((worst, c) => (SEVERITY[c.outcome] > SEVERITY[worst.outcome] ? c : worst));
    const seen = new Set(kept.findings.map((f) => JSON.stringify(f)));
    const others = copies
      .filter((c) => c !== kept)
      .flatMap((c) => c.findings.filter((f) => f.kind === 'violation' && !seen.has(JSON.stringify(f))));
    return others.length > 0 ? { ...kept, findings: [...kept.findings, ...others] } : kept;
  });
}

function suiteOf(records: RunRecords): string {
  const commit = records.suite.commit ? `commit ${records.suite.commit.slice(0, 12)}, ` : '';
  return `${records.suite.version} (${commit}contract ${records.suite.contractHash})`;
}
