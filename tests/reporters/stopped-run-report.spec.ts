import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quotaKeyOf, tenantQuotaLedger } from '../../src/harness/drivers/tenant-quota.ts';
import { targetInfo } from '../../src/harness/run/run-plan.ts';
import { writeStoppedRunReport } from '../../src/reporters/stopped-run-report.ts';
import { tenantTarget } from '../harness/tenant-target.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test("a tenant run stopped at its preflight reports the preflight's call, not an earlier run's quota", async () => {
  const root = tempDir('stopped-run-');
  const spec = tenantTarget();
  // An earlier run's evidence, and the one call this run's preflight made.
  mkdirSync(join(root, 'reports'));
  writeFileSync(join(root, 'reports', 'quota.json'), '{"runId":"earlier","calls":[]}');
  writeFileSync(join(root, 'reports', 'tenant-ledger.json'), '{"runId":"earlier","actions":[{"id":"x"}]}');
  tenantQuotaLedger(spec, 'run-stopped', join(root, 'test-results')).tryReserve(
    quotaKeyOf(spec, 'operator', spec.credentials.operator),
    'ListMachineActions',
  );
  const plan = {
    runId: 'run-stopped',
    requestTimeoutMs: 1_000,
    testTimeoutMs: 1_000,
    exchanges: 'full' as const,
    targets: [{ name: 'tenant', spec, info: targetInfo(spec) }],
  };
  await writeStoppedRunReport(plan, 'TargetUnreachableError: no answer', 'target-unreachable', root);
  const read = (name: string) => JSON.parse(readFileSync(join(root, 'reports', name), 'utf8'));
  expect(read('quota.json')).toMatchObject({
    runId: 'run-stopped',
    calls: [{ caller: 'operator', operationId: 'ListMachineActions', total: 1 }],
  });
  expect(read('tenant-ledger.json')).toEqual({ runId: 'run-stopped', actions: [] });
  expect(read('compliance.json').summary.quota).toMatchObject({ runId: 'run-stopped' });
});
