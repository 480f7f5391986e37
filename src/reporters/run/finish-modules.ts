import type { RunPlan } from '../../harness/run/run-plan.ts';
import type { finishRun } from './finish-run.ts';

// What finishing a run may import once the tests have ended, imported while they run: a Ctrl-C or a
// SIGTERM to the process group (`timeout`, a CI service) also ends tsx's compiler (esbuild's service, a
// child in the group), and a module first imported after it cannot load. On a cold cache (a CI job's)
// a tenant run stopped so lost its tenant evidence, its Allure report and its leak scan. Each dynamic
// import of the finishing path is listed here (tests/reporters/run/finish-modules.spec.ts).
export async function loadFinishing(plan: RunPlan): Promise<{ finishRun: typeof finishRun }> {
  const tenant = plan.targets.some((t) => t.spec.mode === 'tenant');
  const [finish] = await Promise.all([
    import('./finish-run.ts'),
    import('./stopped-run-report.ts'),
    ...(tenant
      ? [
          import('../../harness/drivers/tenant/tenant-evidence.ts'),
          import('../../harness/drivers/tenant/tenant-reports.ts'),
        ]
      : []),
  ]);
  return finish;
}
