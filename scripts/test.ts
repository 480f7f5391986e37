// npm test: the project's own checks, in order, with one closing line "N passed, N failed" that CI reads.
// Lint and typecheck count as one check each; every Playwright test and every self-test case counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { exitAfterOutput } from '../src/contract/exit-after-output.ts';
import { compileCacheEnv } from '../src/harness/run/compile-cache.ts';

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
// Seconds each step took: printed before the closing line, so a contributor sees what a change waits on.
const took: [string, number][] = [];

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  took.push([label, (performance.now() - started) / 1000]);
  return result.status === 0;
}

function check(label: string, ok: boolean): void {
  if (ok) total.passed += 1;
  else {
    total.failed += 1;
    failures.push(label);
  }
}

function playwrightCounts(file: string): Tally | undefined {
  if (!existsSync(file)) return undefined;
  const stats = (JSON.parse(readFileSync(file, 'utf8')) as { stats: Record<string, number> }).stats;
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

check('lint (biome)', run('lint', 'npx', ['biome', 'check', '.']));
check('typecheck (tsc)', run('typecheck', 'npx', ['tsc', '--noEmit']));

const unitResults = 'test-results/unit-results.json';
rmSync(unitResults, { force: true });
// With Node's compile cache (22+), as conformance runs have it: the unit tests start dozens of Node
// processes (their workers, and the runs and CLIs some tests start), each compiling Playwright again.
const unitOk = run('unit tests', 'npx', ['playwright', 'test', '-c', 'playwright.unit.config.ts'], {
  CI: process.env.CI ?? 'true',
  ...compileCacheEnv(),
});
const unit = playwrightCounts(unitResults);
if (unit) {
  total.passed += unit.passed;
  total.failed += unit.failed;
  if (unit.failed > 0) failures.push(`${unit.failed} unit test(s)`);
}
if (!unitOk && (!unit || unit.failed === 0)) check('unit test run (no results written)', false);

if (existsSync('scripts/selftest.ts')) {
  const selftestResults = 'reports/selftest.json';
  rmSync(selftestResults, { force: true });
  const ok = run('self-test matrix', process.execPath, ['--import', 'tsx', 'scripts/selftest.ts']);
  if (existsSync(selftestResults)) {
    const cases = (
      JSON.parse(readFileSync(selftestResults, 'utf8')) as { cases: { name: string; ok: boolean }[] }
    ).cases;
    for (const c of cases) check(`self-test ${c.name}`, c.ok);
  }
  if (!ok && !existsSync(selftestResults)) check('self-test matrix (no results written)', false);
}

const inAll = took.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log(
  `\nTook ${took.map(([label, s]) => `${label} ${s.toFixed(1)} s`).join(', ')}: ${inAll.toFixed(0)} s in all`,
);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
exitAfterOutput(total.failed === 0 ? 0 : 1);
