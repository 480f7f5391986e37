import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test/reporter';
import { QUOTA_JSON, REPORTS_DIR, TENANT_LEDGER_JSON } from '../../../common/report-files.ts';
import { type RunPlan, targetDirName } from '../../run/run-plan.ts';

// Each tenant target's quota.json and tenant-ledger.json. A run whose one target is a tenant writes
// them beside its compliance.json (docs/interfaces.md); in a run of several targets (the self-test's
// rehearsals) each tenant gets tenants/<target>/ under the run's reports, so that no run overwrites
// another's tenant evidence in reports/. Written by the global teardown, after the workers' own
// teardowns, whatever reporters the run has, and again by npm run conformance once Playwright has
// exited (a run out of time ends before its teardowns). Returns what went wrong, a line each.
export async function writeTenantEvidence(
  plan: RunPlan,
  resultsDir: string,
  reportsDir: string,
): Promise<string[]> {
  const tenants = plan.targets.flatMap((t) =>
    t.spec.mode === 'tenant' ? [{ name: t.name, spec: t.spec }] : [],
  );
  const alone = plan.targets.length === 1;
  const errors: string[] = [];
  const say = (line: string) => errors.push(line);
  if (!alone)
    try {
      rmSync(join(reportsDir, 'tenants'), { recursive: true, force: true });
    } catch (error) {
      say(
        `an earlier run's ${join(reportsDir, 'tenants')} could not be removed: ${(error as Error).message}`,
      );
    }
  if (tenants.length === 0) return errors;
  // Loaded only for a tenant: the quota ledger's file lock is not for the runner of every run.
  const { writeTenantReports } = await import('./tenant-reports.ts');
  for (const target of tenants) {
    const dir = alone ? reportsDir : join(reportsDir, 'tenants', targetDirName(target.name));
    try {
      for (const problem of writeTenantReports(plan.runId, target.spec, { resultsDir, reportsDir: dir }))
        say(problem);
    } catch (error) {
      say(
        `the tenant's ${QUOTA_JSON} and ${TENANT_LEDGER_JSON} could not be written to ${dir}: ${(error as Error).message}`,
      );
    }
  }
  return errors;
}

// Where the run's reports go: the compliance reporter's outputDir (relative to the configuration), or
// reports/ beside the configuration, the reporter's default, also when it is not among the reporters.
export function reportsDirOf(config: Pick<FullConfig, 'reporter' | 'configFile'>): string {
  const base = dirname(config.configFile ?? resolve('playwright.config.ts'));
  const compliance = config.reporter.find(([name]) => /compliance-reporter\.[cm]?[jt]s$/.test(name));
  const outputDir = (compliance?.[1] as { outputDir?: unknown } | undefined)?.outputDir;
  return resolve(base, typeof outputDir === 'string' ? outputDir : REPORTS_DIR);
}
