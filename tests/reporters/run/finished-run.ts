import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunPlan, targetInfo } from '../../../src/harness/run/run-plan.ts';
import type { AllureGenerator } from '../../../src/reporters/allure/allure-generate.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { workspace } from '../leak-scan/leak-workspace.ts';

// A run directory, an Allure generator and a plan for finishRun, as its specs use them.

// A run directory holding a run's evidence: a report that exits 1 and an Allure result it would mark
// broken (its test reached no verdict).
export function runDirectory(generatedAt: string) {
  const { root } = workspace();
  const report = join(root, 'reports', 'compliance.json');
  writeFileSync(
    report,
    JSON.stringify({
      generatedAt,
      target: { name: 'embedded' },
      summary: { exitCode: 1, exitReason: 'MUST requirements failed: CANCEL.FINAL' },
      requirements: [{ id: 'CANCEL.FINAL', tests: [{ title: 'a test', outcome: 'errored' }] }],
    }),
  );
  const result = join(root, 'allure-results', 'a-result.json');
  writeFileSync(
    result,
    JSON.stringify({
      name: 'a test',
      status: 'failed',
      labels: [{ name: 'requirement', value: 'CANCEL.FINAL' }],
    }),
  );
  return { root, report, result };
}

// An Allure generator that only counts what it was asked to do.
export function allureSpy() {
  const spy = {
    generated: 0,
    generator: {
      pid: undefined,
      async generate() {
        spy.generated += 1;
        return { generated: true, durationMs: 0, message: 'allure-report/ generated' };
      },
    } as AllureGenerator,
  };
  return spy;
}

const embedded = { mode: 'embedded' as const };
export const PLAN: RunPlan = {
  runId: 'finish-run-test',
  requestTimeoutMs: 1_000,
  testTimeoutMs: 1_000,
  exchanges: 'quiet',
  targets: [{ name: 'embedded', spec: embedded, info: targetInfo(embedded) }],
};

// A listing passes no plan: it should report nothing.
export const finish = (
  root: string,
  playwrightExit: number,
  allure: AllureGenerator,
  plan?: RunPlan,
  log: (line: string) => void = () => {},
) =>
  finishRun({
    root,
    cwd: root,
    env: {},
    log,
    allure,
    run: { startedAt: Date.now(), playwrightExit, ...(plan ? { plan } : {}) },
  });
