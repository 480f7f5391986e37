import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../../../src/harness/drivers/tenant/tenant-quota.ts';
import { targetInfo } from '../../../src/harness/run/run-plan.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { readRecords } from '../../../src/reporters/records/records-file.ts';
import { writeStoppedRunReport } from '../../../src/reporters/run/stopped-run-report.ts';
import { mergeRecords } from '../../../src/reporters/shards/merge-records.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';

test.afterEach(removeTempDirs);

test("a tenant run stopped at its preflight reports the preflight's call, not an earlier run's quota", async () => {
  const root = tempDir('stopped-run-');
  const spec = tenantTarget();
  // An earlier run's evidence, and the one call this run's preflight made.
  mkdirSync(join(root, 'reports'));
  writeFileSync(join(root, 'reports', 'quota.json'), '{"runId":"earlier","calls":[]}');
  writeFileSync(join(root, 'reports', 'tenant-ledger.json'), '{"runId":"earlier","actions":[{"id":"x"}]}');
  const plan = tenantPlanWithOneCall(root, spec, 'run-stopped');
  await writeStoppedRunReport(plan, 'TargetUnreachableError: no answer', 'target-unreachable', root);
  const read = (name: string) => JSON.parse(readFileSync(join(root, 'reports', name), 'utf8'));
  expect(read('quota.json')).toMatchObject({
    runId: 'run-stopped',
    calls: [{ caller: 'operator', operationId: 'ListMachineActions', total: 1 }],
  });
  expect(read('tenant-ledger.json')).toEqual({ runId: 'run-stopped', actions: [] });
  expect(read('compliance.json').summary.quota).toMatchObject({ runId: 'run-stopped' });
});

// A shard stopped at its preflight wrote a whole-run report (read as the run's verdict) and no shard
// records: the merge then called the shard missing (exit 2) instead of saying the target did not answer.
test('a shard stopped at its preflight writes shard records that the merge reads, with its reason and quota', async () => {
  const root = tempDir('stopped-shard-');
  const spec = tenantTarget();
  const plan = { ...tenantPlanWithOneCall(root, spec, 'run-shard-1'), shard: { current: 1, total: 2 } };
  await writeStoppedRunReport(plan, 'TargetUnreachableError: no answer', 'target-unreachable', root);
  expect(existsSync(join(root, 'reports', 'compliance.json'))).toBe(false);
  expect(existsSync(join(root, 'reports', 'shards', 'junit-1-of-2.xml'))).toBe(true);
  const shard = readRecords(join(root, 'reports', 'shards', 'shard-1-of-2.json'));
  expect(shard).toMatchObject({ shard: { current: 1, total: 2 }, shardExitCode: 3 });
  expect(shard.quota).toMatchObject({ runId: 'run-shard-1' });
  const other = { ...shard, runId: 'run-shard-2', shard: { current: 2, total: 2 }, runErrors: [] };
  const merged = mergeRecords([shard, other]);
  expect(merged.runErrors).toEqual([
    { category: 'target-unreachable', line: 'TargetUnreachableError: no answer' },
  ]);
  const report = buildComplianceReport({ records: merged, targetName: 'tenant', registry: getRegistry() });
  expect(report.summary.exitCode).toBe(3);
});

// A tenant run's plan whose quota ledger holds one list call, as a run stopped after its preflight has.
function tenantPlanWithOneCall(root: string, spec: ReturnType<typeof tenantTarget>, runId: string) {
  tenantQuotaLedger(spec, runId, join(root, 'test-results')).tryReserve(
    quotaKeyOf(spec, 'operator', spec.credentials.operator),
    'ListMachineActions',
  );
  return {
    runId,
    requestTimeoutMs: 1_000,
    testTimeoutMs: 1_000,
    exchanges: 'full' as const,
    targets: [{ name: 'tenant', spec, info: targetInfo(spec) }],
  };
}

// A run stopped at its preflight left no junit.xml, and a CI's JUnit step found none (or the earlier
// run's, under PLAYWRIGHT_JUNIT_OUTPUT_FILE): the reason is now its one errored case.
test("a run stopped before its tests writes junit.xml with the reason as a run error, where Playwright's would go", async () => {
  const root = tempDir('stopped-junit-');
  const plan = tenantPlanWithOneCall(root, tenantTarget(), 'run-stopped-junit');
  await writeStoppedRunReport(plan, 'TargetUnreachableError: no answer', 'target-unreachable', root, {});
  const xml = readFileSync(join(root, 'reports', 'junit.xml'), 'utf8');
  expect(xml).toMatch(/^<testsuites id="" name="" tests="1" failures="0" skipped="0" errors="1"/);
  expect(xml).toContain(
    '<testcase name="target-unreachable" classname="run errors" time="0">\n<error message="TargetUnreachableError: no answer" type="target-unreachable">',
  );
  const elsewhere = join(root, 'ci', 'results.xml');
  mkdirSync(join(root, 'ci'));
  writeFileSync(elsewhere, '<testsuites tests="80"></testsuites>');
  await writeStoppedRunReport(plan, 'TargetUnreachableError: no answer', 'target-unreachable', root, {
    PLAYWRIGHT_JUNIT_OUTPUT_FILE: elsewhere,
  });
  expect(readFileSync(elsewhere, 'utf8')).toContain('tests="1" failures="0" skipped="0" errors="1"');
});
