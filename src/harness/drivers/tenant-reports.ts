import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TenantTarget } from '../config/target-spec.ts';
import { tenantQuotaLedger } from './tenant-quota.ts';

// After a tenant run: the quota it spent (reports/quota.json) and every action it created with how
// it ended (reports/tenant-ledger.json), from the files its workers kept under test-results/.
export function writeTenantReports(runId: string, spec: TenantTarget, root = process.cwd()): void {
  const results = resolve(root, 'test-results');
  const reports = resolve(root, 'reports');
  mkdirSync(reports, { recursive: true });
  const ledger = tenantQuotaLedger(spec, runId, results);
  writeFileSync(join(reports, 'quota.json'), `${JSON.stringify(ledger.report(), null, 2)}\n`);
  const dir = join(results, 'tenant-ledger');
  const actions = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(`${runId}-`))
        .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { actions: unknown[] }).actions)
    : [];
  writeFileSync(join(reports, 'tenant-ledger.json'), `${JSON.stringify({ runId, actions }, null, 2)}\n`);
}
