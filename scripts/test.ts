// npm test: the project's own checks, in order, with one closing line "N passed, N failed" that CI reads.
// Lint and typecheck count as one check each; every Playwright test and every self-test case counts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { exitAfterOutput } from '../src/common/exit-after-output.ts';
import { compileCacheEnv } from '../src/harness/run/compile-cache.ts';
import { testArgsOrExit } from './test-args.ts';

testArgsOrExit();

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
// Seconds each step took: printed before the closing line, so a contributor sees what a change waits on.
const took: [string, number][] = [];
const scriptStarted = performance.now();

// A step whose output goes straight to the terminal.
async function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const ok = await ended(spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }));
  took.push([label, (performance.now() - started) / 1000]);
  return ok;
}

// Lint and the typecheck run beside the unit tests: the typecheck keeps one core busy for 7-18 s, which
// the unit tests' runner (listing 1,700 tests on one core, then its workers) leaves half idle. Their output
// is held and printed whole as each ends, between the unit tests' lines.
async function runBeside(label: string, command: string, args: string[]) {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  const ok = await ended(child);
  const seconds = (performance.now() - started) / 1000;
  took.push([`${label} (beside the unit tests)`, seconds]);
  process.stdout.write(`\n▶ ${label}: ${command} ${args.join(' ')}\n${Buffer.concat(output).toString()}`);
  return ok;
}

function ended(child: ReturnType<typeof spawn>): Promise<boolean> {
  return new Promise((done) => {
    child.once('error', (error) => {
      console.error(`test: ${error.message}`);
      done(false);
    });
    child.once('close', (code) => done(code === 0));
  });
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

const lint = runBeside('lint', 'npx', [
  'biome',
  'check',
  ...(process.stdout.isTTY ? ['--colors=force'] : []),
  '.',
]);
const typecheck = runBeside('typecheck', 'npx', [
  'tsc',
  '--noEmit',
  ...(process.stdout.isTTY ? ['--pretty'] : []),
]);

const unitResults = 'test-results/unit-results.json';
rmSync(unitResults, { force: true });
// With Node's compile cache (22+), as conformance runs have it: the unit tests start dozens of Node
// processes (their workers, and the runs and CLIs some tests start), each compiling Playwright again.
const unitOk = await run('unit tests', 'npx', ['playwright', 'test', '-c', 'playwright.unit.config.ts'], {
  CI: process.env.CI ?? 'true',
  ...compileCacheEnv(),
});
check('lint (biome)', await lint);
check('typecheck (tsc)', await typecheck);
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
  const ok = await run('self-test matrix', process.execPath, ['--import', 'tsx', 'scripts/selftest.ts']);
  if (existsSync(selftestResults)) {
    const cases = (
      JSON.parse(readFileSync(selftestResults, 'utf8')) as { cases: { name: string; ok: boolean }[] }
    ).cases;
    for (const c of cases) check(`self-test ${c.name}`, c.ok);
  }
  if (!ok && !existsSync(selftestResults)) check('self-test matrix (no results written)', false);
}

const inAll = (performance.now() - scriptStarted) / 1000;
console.log(
  `\nTook ${took.map(([label, s]) => `${label} ${s.toFixed(1)} s`).join(', ')}: ${inAll.toFixed(0)} s in all`,
);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
exitAfterOutput(total.failed === 0 ? 0 : 1);
