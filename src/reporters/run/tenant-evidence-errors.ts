import { writeTenantEvidence } from '../../harness/drivers/tenant/tenant-evidence.ts';
import type { RunPlan } from '../../harness/run/run-plan.ts';
import { reasonLine } from '../compliance/reason-line.ts';
import type { RunError } from '../records/test-record.ts';

// A tenant's quota.json and tenant-ledger.json written for a report about to be written, each problem
// a suite error of the run: a report silent about them would read as if the run's evidence were whole.
export async function tenantEvidenceErrors(
  plan: RunPlan,
  resultsDir: string,
  reportsDir: string,
): Promise<RunError[]> {
  const problems = await writeTenantEvidence(plan, resultsDir, reportsDir);
  return problems.map((line) => ({ category: 'suite-error', line: reasonLine(line) }));
}
