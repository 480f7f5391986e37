import type { RunRecords } from './test-record.ts';

// Merges the records of the shards of one run into the records of an unsharded run, so the verdicts
// come out the same. Shards of different suite versions or contracts are refused: their evidence
// would not be about the same thing.
export function mergeRecords(shards: RunRecords[]): RunRecords {
  if (shards.length === 0) throw new Error('no shard records to merge');
  const first = shards[0]!;
  for (const shard of shards) {
    if (shard.suite.contractHash !== first.suite.contractHash || shard.suite.version !== first.suite.version)
      throw new Error(
        `shards ran different suites: ${suiteOf(first)} and ${suiteOf(shard)}; rerun them from one commit`,
      );
  }
  const merged: RunRecords = {
    version: 1,
    suite: first.suite,
    startedAt: shards.map((s) => s.startedAt).sort()[0]!,
    durationMs: Math.max(...shards.map((s) => s.durationMs)),
    targets: Object.assign({}, ...shards.map((s) => s.targets)),
    runErrors: [...shards.flatMap((s) => s.runErrors), ...missingShards(shards)],
    tests: shards
      .flatMap((s) => s.tests)
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.project.localeCompare(b.project)),
  };
  return merged;
}

// A missing shard means missing evidence: the merged run errors instead of reporting NA for it.
function missingShards(shards: RunRecords[]): RunRecords['runErrors'] {
  const total = shards[0]?.shard?.total;
  if (!total) return [];
  const present = new Set(shards.map((s) => s.shard?.current));
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !present.has(i));
  return missing.map((i) => ({
    category: 'suite-error' as const,
    line: `shard ${i} of ${total} is missing`,
  }));
}

function suiteOf(records: RunRecords): string {
  return `${records.suite.version} (contract ${records.suite.contractHash})`;
}
