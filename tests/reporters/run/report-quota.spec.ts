import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// compliance.json's summary.quota comes from reports/quota.json, which a tenant run writes as it ends.
function quotaInReport(
  quota: object,
  options: { runId?: string; fileAgeMs?: number; mode?: 'tenant' | 'embedded' } = {},
): unknown {
  const outDir = tempDir('report-quota-');
  const file = join(outDir, 'quota.json');
  writeFileSync(file, JSON.stringify(quota));
  if (options.fileAgeMs) {
    const when = new Date(Date.now() - options.fileAgeMs);
    utimesSync(file, when, when);
  }
  const mode = options.mode ?? 'tenant';
  const records = {
    ...runRecords([testRecord({ target: mode })]),
    targets: { [mode]: { mode, apiHost: 'api.security.microsoft.com', description: mode } },
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    ...(options.runId ? { runId: options.runId } : {}),
  };
  writeComplianceReports(records, { outDir, registry: getRegistry() });
  return JSON.parse(readFileSync(join(outDir, 'compliance.json'), 'utf8')).summary.quota;
}

test("the quota of the records' run is reported, however close to the run's start it was written", () => {
  expect(quotaInReport({ runId: 'run-1', calls: [] }, { runId: 'run-1' })).toEqual({
    runId: 'run-1',
    calls: [],
  });
});

test("another run's quota.json is not reported as this run's, even when newer", () => {
  expect(quotaInReport({ runId: 'earlier', calls: [] }, { runId: 'run-1' })).toBeNull();
});

test('records without a run id (merged shards) tell an earlier run by the file being older', () => {
  expect(quotaInReport({ runId: 'earlier', calls: [] }, { fileAgeMs: 3_600_000 })).toBeNull();
  expect(quotaInReport({ runId: 'shard', calls: [] })).toEqual({ runId: 'shard', calls: [] });
});

test('a run without a tenant reports no quota, whatever quota.json is there under its run id', () => {
  // MDE_RUN_ID may be the same for every run of a CI job: an embedded run after a tenant run.
  expect(quotaInReport({ runId: 'ci-123', calls: [] }, { runId: 'ci-123', mode: 'embedded' })).toBeNull();
});

test("a run without a tenant removes an earlier tenant run's quota.json and tenant-ledger.json; a tenant run keeps its own", () => {
  for (const mode of ['embedded', 'tenant'] as const) {
    const outDir = tempDir('report-quota-');
    for (const name of ['quota.json', 'tenant-ledger.json'])
      writeFileSync(join(outDir, name), JSON.stringify({ runId: 'ci-123' }));
    const records = {
      ...runRecords([testRecord({ target: mode })]),
      targets: { [mode]: { mode, apiHost: 'api.security.microsoft.com', description: mode } },
      runId: 'ci-123',
    };
    writeComplianceReports(records, { outDir, registry: getRegistry() });
    const left = ['quota.json', 'tenant-ledger.json'].filter((name) => existsSync(join(outDir, name)));
    expect(left, mode).toEqual(mode === 'tenant' ? ['quota.json', 'tenant-ledger.json'] : []);
  }
});

// Each shard of a tenant run writes its own reports/quota.json: on another machine, or overwritten by the
// next shard on this one. The merge reported no quota at all, or the last shard's alone.
test('merged tenant shards report the quota of every shard, added up per app and operation', () => {
  const limit = { perMinute: 100, perHour: 1500 };
  const call = (operationId: string, total: number, peakPerMinute: number) => ({
    caller: 'operator',
    operationId,
    total,
    peakPerMinute,
    limit,
  });
  const shard = (current: number, calls: object[]) => ({
    ...runRecords([testRecord({ target: 'tenant', file: `${current}.spec.ts` })], {
      shard: { current, total: 2 },
      runId: `run-${current}`,
    }),
    targets: {
      tenant: { mode: 'tenant' as const, apiHost: 'api.security.microsoft.com', description: 'tenant' },
    },
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    quota: { runId: `run-${current}`, share: 0.5, calls },
  });
  const merged = mergeRecords([
    shard(1, [call('CancelMachineAction', 3, 2), call('ListMachineActions', 5, 5)]),
    shard(2, [call('CancelMachineAction', 4, 4)]),
  ]);
  // The merging machine's own quota.json is the last shard's, when the shards ran there.
  const outDir = tempDir('report-quota-');
  writeFileSync(
    join(outDir, 'quota.json'),
    JSON.stringify({ runId: 'run-2', calls: [call('CancelMachineAction', 4, 4)] }),
  );
  writeComplianceReports(merged, { outDir, registry: getRegistry() });
  const quota = JSON.parse(readFileSync(join(outDir, 'compliance.json'), 'utf8')).summary.quota;
  expect(quota.calls).toEqual([call('CancelMachineAction', 7, 4), call('ListMachineActions', 5, 5)]);
  expect(quota.runIds).toEqual(['run-1', 'run-2']);
  expect(readFileSync(join(outDir, 'compliance.md'), 'utf8')).toContain('CancelMachineAction 7 (operator)');
});
