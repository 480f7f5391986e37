import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quotaKeyOf, tenantQuotaLedger } from '../../../src/harness/drivers/tenant/tenant-quota.ts';
import { actionLedgerFile, writeActionLedger } from '../../../src/harness/drivers/tenant/tenant-reports.ts';
import { type RunPlan, targetInfo } from '../../../src/harness/run/run-plan.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { allureSpy, finish, PLAN, runDirectory } from './finished-run.ts';

test.afterEach(removeTempDirs);

// A run out of time (--global-timeout) ends before its global teardown wrote the tenant's evidence.
test("a tenant run's quota.json and tenant-ledger.json are written once Playwright has exited", async () => {
  const { root } = runDirectory(new Date(Date.now() + 60_000).toISOString());
  const spec = tenantTarget();
  tenantQuotaLedger(spec, 'late-run', join(root, 'test-results')).tryReserve(
    quotaKeyOf(spec, 'operator', spec.credentials.operator),
    'GetMachineAction',
  );
  const plan: RunPlan = {
    ...PLAN,
    runId: 'late-run',
    targets: [{ name: 'tenant', spec, info: targetInfo(spec) }],
  };
  await finish(root, 1, allureSpy().generator, plan);
  const quota = JSON.parse(readFileSync(join(root, 'reports', 'quota.json'), 'utf8'));
  expect(quota).toMatchObject({ runId: 'late-run', calls: [{ operationId: 'GetMachineAction', total: 1 }] });
  expect(JSON.parse(readFileSync(join(root, 'reports', 'tenant-ledger.json'), 'utf8'))).toEqual({
    runId: 'late-run',
    actions: [],
  });
});

// An action the run started and nothing cancelled may still run on the device: the run must not end
// as its report says (exit 1 here), but as a run whose clean-up failed (exit 2), and say which action.
test('a tenant run that left an action uncancelled exits 2 and names it', async () => {
  const { root } = runDirectory(new Date(Date.now() + 60_000).toISOString());
  const spec = tenantTarget();
  writeActionLedger(
    actionLedgerFile(join(root, 'test-results'), 'left-run', spec, 1),
    JSON.stringify({
      actions: [
        {
          id: 'a0000000-0000-4000-8000-000000000001',
          type: 'ScanMachine',
          machineId: 'm1',
          createdAt: '2026-01-01T00:00:00Z',
          lastStatus: 'Pending',
        },
      ],
    }),
  );
  const plan: RunPlan = {
    ...PLAN,
    runId: 'left-run',
    targets: [{ name: 'tenant', spec, info: targetInfo(spec) }],
  };
  const lines: string[] = [];
  expect(await finish(root, 1, allureSpy().generator, plan, (line) => lines.push(line))).toBe(2);
  expect(lines.join('\n')).toMatch(
    /tenant evidence: action a0000000-0000-4000-8000-000000000001 \(ScanMachine on m1\), started by this run, was never cancelled/,
  );
});
