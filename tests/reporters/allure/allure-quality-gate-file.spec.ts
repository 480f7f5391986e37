import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { generatorScript, withOneResult } from '../helpers/allure-workspace.ts';

test.afterEach(removeTempDirs);

// A compliance person's walk (walk7), Node 24, a run with a failed MUST: the console said "allure quality
// gate: failed: 2 MUST test(s) failed", while the report's own Quality Gates tab read 0 and its
// quality-gate.json was []: the gate was judged after the report was written, so the report never held it.
// Allure's rules need Node 22's iterator helpers: on Node 20 the run says the gate did not run, and the
// report shows no gate that could contradict the run's exit code.
const iterator = (globalThis as { Iterator?: { prototype?: { toArray?: unknown } } }).Iterator;
const gateRuns = typeof iterator?.prototype?.toArray === 'function';

test("a failed MUST is in the report's own quality gate, as the run's line says", () => {
  test.slow();
  const dir = withOneResult();
  const results = join(dir, 'allure-results');
  const file = join(results, readdirSync(results)[0]!);
  const result = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(
    file,
    JSON.stringify({ ...result, status: 'failed', labels: [{ name: 'severity', value: 'critical' }] }),
  );
  const script = generatorScript(dir, 'console.log(JSON.stringify(await generator.generate()));\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 90_000,
  });
  const outcome = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  const gateFile = join(dir, 'allure-report', 'quality-gate.json');
  if (!gateRuns) {
    expect(outcome.qualityGate, run.stdout + run.stderr).toMatch(/^not run: it needs Node 22 or later/);
    expect(existsSync(gateFile) ? JSON.parse(readFileSync(gateFile, 'utf8')) : []).toEqual([]);
    return;
  }
  expect(outcome.qualityGate, run.stdout + run.stderr).toMatch(/^failed: 1 MUST test/);
  const gate = JSON.parse(readFileSync(gateFile, 'utf8'));
  expect(gate).toEqual([expect.objectContaining({ success: false, actual: 1, expected: 0 })]);
});
