import { relative, sep } from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { type RunPlan, targetOfTest } from '../../harness/run/run-plan.ts';
import { reasonLine } from '../compliance/reason-line.ts';
import { recordFromTest } from './record-from-test.ts';
import type { RunError, TestRecord } from './test-record.ts';

// The run's tests as records, each for its target. A test declared outside suite() (no target in a
// run of several) or claiming no requirement would vanish from the verdicts, failed or not: it is a
// suite error instead (exit 2), said once however many targets the run has.
export function recordsOfTests(
  tests: readonly TestCase[],
  plan: RunPlan,
  dirs: { rootDir: string; repoDir: string; notStarted?: string },
): { records: TestRecord[]; errors: RunError[] } {
  const records: TestRecord[] = [];
  const lines = new Set<string>();
  for (const test of tests) {
    const where = `${relative(dirs.repoDir, test.location.file).split(sep).join('/')}: "${test.title}"`;
    try {
      const target = targetOfTest(plan, test.tags, where).name;
      const record = recordFromTest(test, dirs.rootDir, target, dirs.notStarted);
      if (record.requirements.length === 0)
        lines.add(
          `${where} claims no requirement: claim its requirements with req('ID') (see docs/writing-tests.md)`,
        );
      records.push(record);
    } catch (error) {
      lines.add(reasonLine((error as Error).message));
    }
  }
  return { records, errors: [...lines].map((line) => ({ category: 'suite-error', line })) };
}
