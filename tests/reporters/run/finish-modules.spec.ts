import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A tenant run stopped by a SIGTERM to its process group (`timeout 900 npm run conformance`) on a cold
// tsx cache printed "stopped by SIGTERM before the run began" after its report, and wrote no tenant
// evidence, Allure report or leak scan: the signal ended tsx's compiler, and finishing the run then
// imported tenant-evidence.ts for the first time. Every module the finishing path imports on demand must
// be imported while the tests run (src/reporters/run/finish-modules.ts).
const FINISHING_PATH = [
  'src/reporters/run/finish-run.ts',
  'src/reporters/run/ended-run.ts',
  'src/harness/drivers/tenant/tenant-evidence.ts',
];

function importedOnDemand(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(/\bimport\('(\.[^']+)'\)/g)].map((m) => resolve(repoRoot, dirname(file), m[1]!));
}

test('every module the finishing path imports on demand is loaded while the tests run', () => {
  const loaded = new Set(importedOnDemand('src/reporters/run/finish-modules.ts'));
  expect(loaded).toContain(resolve(repoRoot, 'src/reporters/run/finish-run.ts'));
  const late = FINISHING_PATH.flatMap(importedOnDemand);
  expect(late.length, 'the finishing path still imports on demand').toBeGreaterThan(0);
  expect(late.filter((module) => !loaded.has(module))).toEqual([]);
  // scripts/conformance.ts takes finishRun from there.
  expect(readFileSync(join(repoRoot, 'scripts/conformance.ts'), 'utf8')).toContain('loadFinishing(plan)');
});
