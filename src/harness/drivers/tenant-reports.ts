import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantTarget } from '../config/target-spec.ts';
import { tenantQuotaReport } from './tenant-quota.ts';

// After a tenant run: the quota it spent (quota.json) and every action it created with how it ended
// (tenant-ledger.json), from the files its workers kept in the results directory (test-results/).
export function writeTenantReports(
  runId: string,
  spec: TenantTarget,
  { resultsDir, reportsDir }: { resultsDir: string; reportsDir: string },
): void {
  mkdirSync(reportsDir, { recursive: true });
  const quota = tenantQuotaReport(spec, runId, resultsDir);
  writeFileSync(join(reportsDir, 'quota.json'), `${JSON.stringify(quota, null, 2)}\n`);
  const dir = join(resultsDir, ACTION_LEDGER_DIR);
  const prefix = actionLedgerPrefix(runId, spec);
  const actions = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(prefix))
        .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { actions: unknown[] }).actions)
    : [];
  writeFileSync(join(reportsDir, 'tenant-ledger.json'), `${JSON.stringify({ runId, actions }, null, 2)}\n`);
}

// Each worker keeps the actions it created in a file of its own; the name says the run and the tenant,
// so that a run of two tenants (the self-test's rehearsals) reports each one's actions apart.
export const ACTION_LEDGER_DIR = 'tenant-ledger';

export function actionLedgerFile(resultsDir: string, runId: string, spec: TenantTarget, pid: number): string {
  return join(resultsDir, ACTION_LEDGER_DIR, `${actionLedgerPrefix(runId, spec)}${pid}.json`);
}

function actionLedgerPrefix(runId: string, spec: TenantTarget): string {
  const tenant = createHash('sha256')
    .update(`${new URL(spec.apiBaseUrl).host}|${spec.tenantId}`)
    .digest('hex');
  return `${runId}-${tenant.slice(0, 10)}-`;
}
