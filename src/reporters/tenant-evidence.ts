import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunPlan } from '../harness/run/run-plan.ts';
import { reasonLine } from './reason-line.ts';
import { targetDirName } from './target-index.ts';
import type { RunError } from './test-record.ts';

// Each tenant target's quota.json and tenant-ledger.json. A run whose one target is a tenant writes
// them beside its compliance.json (docs/interfaces.md); in a run of several targets (the self-test's
// rehearsals) each tenant gets tenants/<target>/ under the run's reports, so that no run overwrites
// another's tenant evidence in reports/. Returns what could not be written, as run errors.
export async function writeTenantEvidence(
  plan: RunPlan,
  resultsDir: string,
  reportsDir: string,
): Promise<RunError[]> {
  const tenants = plan.targets.flatMap((t) =>
    t.spec.mode === 'tenant' ? [{ name: t.name, spec: t.spec }] : [],
  );
  const alone = plan.targets.length === 1;
  if (!alone) rmSync(join(reportsDir, 'tenants'), { recursive: true, force: true });
  const errors: RunError[] = [];
  if (tenants.length === 0) return errors;
  // Loaded only for a tenant: the quota ledger's file lock is not for the runner of every run.
  const { writeTenantReports } = await import('../harness/drivers/tenant-reports.ts');
  for (const target of tenants) {
    const dir = alone ? reportsDir : join(reportsDir, 'tenants', targetDirName(target.name));
    try {
      writeTenantReports(plan.runId, target.spec, { resultsDir, reportsDir: dir });
    } catch (error) {
      const line = `the tenant's quota.json and tenant-ledger.json could not be written to ${dir}: ${(error as Error).message}`;
      errors.push({ category: 'suite-error', line: reasonLine(line) });
    }
  }
  return errors;
}
