import type { RunRecords } from '../records/test-record.ts';

// The quota a sharded tenant run spent: each shard keeps its own reports/quota.json (its own run id, on
// its own machine perhaps), so the merge read none of them, or the last shard's alone, and reported the
// run as spending nothing or a part. The shards' calls are added up per app and operation.

interface QuotaCall {
  caller: string;
  operationId: string;
  total: number;
  peakPerMinute: number;
  limit: unknown;
}

interface ShardQuota {
  runId?: string;
  share?: number;
  scope?: string;
  calls?: QuotaCall[];
}

export function mergedQuota(shards: RunRecords[]): RunRecords['quota'] {
  const quotas = shards.flatMap((s) => (isQuota(s.quota) ? [{ shard: s.shard, quota: s.quota }] : []));
  if (quotas.length === 0) return undefined;
  const calls = new Map<string, QuotaCall>();
  for (const { quota } of quotas)
    for (const call of quota.calls ?? []) {
      const key = `${call.caller}\u0000${call.operationId}`;
      const kept = calls.get(key);
      // Shards may run at once: the busiest minute of the run is at least the busiest of any shard.
      if (kept)
        calls.set(key, {
          ...kept,
          total: kept.total + call.total,
          peakPerMinute: Math.max(kept.peakPerMinute, call.peakPerMinute),
        });
      else calls.set(key, { ...call });
    }
  return {
    runIds: [...new Set(quotas.flatMap(({ quota }) => (quota.runId ? [quota.runId] : [])))],
    share: quotas[0]!.quota.share,
    ...(quotas[0]!.quota.scope ? { scope: quotas[0]!.quota.scope } : {}),
    shards: quotas.flatMap(({ shard }) => (shard ? [`${shard.current}/${shard.total}`] : [])),
    calls: [...calls.values()].sort(
      (a, b) => a.caller.localeCompare(b.caller) || a.operationId.localeCompare(b.operationId),
    ),
  };
}

function isQuota(value: unknown): value is ShardQuota {
  return typeof value === 'object' && value !== null && Array.isArray((value as ShardQuota).calls);
}
