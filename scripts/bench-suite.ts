// npm run bench:suite [-- --rounds N] [--no-matrix]: where the time of a conformance run goes, and the
// two ratios of issue "fast feedback", measured side by side on this machine (the first as the median
// of per-round ratios, one-test run and main job alternating):
//   main job / one-test Playwright run   (npm run conformance against the bundled emulator)
//   self-test matrix / main job          (npm run selftest)
// Writes reports/bench-suite.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { asNumber } from '../src/harness/config/env-values.ts';

// Every other command of the project prints its usage with --help; so does this one, before it
// starts minutes of measuring.
if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
  console.log(`usage: npm run bench:suite [-- --rounds N] [--no-matrix]

Where the time of npm run conformance and of the self-test goes, against a one-test Playwright run,
measured side by side on this machine; writes reports/bench-suite.json (docs/speed.md).
  --rounds N    rounds of each measurement, their median reported (default 5)
  --no-matrix   leave out the self-test matrix`);
  process.exit(0);
}
const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
      // Five by default: on a shared VM single rounds of the main job ranged 2.4-4.5 one-test runs in
      // one hour, and the median of three moved with a single slow round.
      options: { rounds: { type: 'string', default: '5' }, 'no-matrix': { type: 'boolean' } },
    });
  } catch (error) {
    const why = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    console.error(`bench:suite: ${why}; it takes --rounds N and --no-matrix`);
    process.exit(2);
  }
})();
// Decimal, as the MDE_* numbers: Number() would take "0x5" for 5 rounds.
const rounds = asNumber(values.rounds.trim());
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(
    `bench:suite: --rounds must be a whole number of rounds, 1 or more, written in decimal (got "${values.rounds}")`,
  );
  process.exit(2);
}
const root = process.cwd();
const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

function wall(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// The floor: Playwright starting, one worker, one empty test, the list reporter.
const floorDir = mkdtempSync(join(tmpdir(), 'one-test-'));
symlinkSync(join(root, 'node_modules'), join(floorDir, 'node_modules'), 'dir');
writeFileSync(join(floorDir, 'package.json'), '{"type":"module"}\n');
writeFileSync(
  join(floorDir, 'one.spec.ts'),
  "import { test } from '@playwright/test';\ntest('one', () => {});\n",
);
writeFileSync(join(floorDir, 'pw.config.ts'), "export default { testDir: '.', reporter: 'list' };\n");
// Interleaved, one of each per round, and the ratio read per round: a machine whose speed drifts
// (a shared VM) then moves both sides of a ratio together.
const timingsFile = join(floorDir, 'timings.json');
// The floor's directory goes whatever happens; a run that fails is one line, not a stack trace.
const { pairs, phases } = (() => {
  try {
    const pairs = Array.from({ length: rounds }, () => ({
      oneTest: wall(process.execPath, [cli, 'test', '-c', join(floorDir, 'pw.config.ts')]),
      // The main job, as a user types it; the last round's phases.
      mainJob: wall('npm', ['run', 'conformance'], { MDE_TIMINGS_FILE: timingsFile }),
    }));
    return { pairs, phases: mainJobPhases(JSON.parse(readFileSync(timingsFile, 'utf8'))) };
  } catch (error) {
    rmSync(floorDir, { recursive: true, force: true });
    console.error(`bench:suite: ${(error as Error).message}; run it alone to see why`);
    process.exit(2);
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
})();
const oneTest = median(pairs.map((p) => p.oneTest));
const mainJob = median(pairs.map((p) => p.mainJob));
const mainJobPerOneTest = median(pairs.map((p) => p.mainJob / p.oneTest));

// The matrix between two more main jobs: its ratio is read against the main jobs run just before
// and just after it, so a drift of the machine's speed over its minute moves both sides alike.
const matrixRun = values['no-matrix']
  ? undefined
  : (() => {
      const before = pairs.at(-1)!.mainJob;
      const seconds = wall(process.execPath, ['--import', 'tsx', 'scripts/selftest.ts']);
      const cases = selftestCases();
      const after = wall('npm', ['run', 'conformance']);
      return { seconds, mainJobAround: (before + after) / 2, cases };
    })();
const matrix = matrixRun?.seconds;
// The matrix's size when the self-test's aim was set (issue 13: 51 targets, 2,739 tests).
const AIM_TARGETS = 51;

const result = {
  node: process.version,
  cores: Number(execFileSync('nproc').toString().trim()),
  rounds,
  seconds: { oneTest, mainJob, ...(matrix ? { matrix } : {}) },
  ratios: {
    mainJobPerOneTest,
    perRound: pairs.map((p) => Number((p.mainJob / p.oneTest).toFixed(2))),
    ...(matrixRun ? { matrixPerMainJob: matrixRun.seconds / matrixRun.mainJobAround } : {}),
    ...(matrixRun?.cases ? { matrixTargets: matrixRun.cases } : {}),
  },
  mainJobPhases: phases,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-suite.json', `${JSON.stringify(result, null, 2)}\n`);
const s = (n: number) => `${n.toFixed(1)} s`;
console.log(`bench:suite on Node ${process.version}, ${result.cores} cores, median of ${rounds}`);
console.log(`  one-test Playwright run   ${s(oneTest)}`);
console.log(
  `  main job                  ${s(mainJob)}   = ${mainJobPerOneTest.toFixed(2)} one-test runs (target at most 2.5; rounds ${result.ratios.perRound.join(', ')})`,
);
if (matrix)
  console.log(
    `  self-test matrix          ${s(matrix)}   = ${result.ratios.matrixPerMainJob!.toFixed(2)} main jobs run beside it (target at most 8)`,
  );
// The aim of 8 was set for a matrix of 51 targets: a target's share shows the cost apart from its size.
if (matrixRun?.cases)
  console.log(
    `                            ${matrixRun.cases} targets: ${(result.ratios.matrixPerMainJob! / matrixRun.cases).toFixed(3)} main jobs a target (the aim's 8 at its ${AIM_TARGETS} targets: ${(8 / AIM_TARGETS).toFixed(3)} a target)`,
  );
console.log('  where the main job spends its time:');
for (const [phase, seconds] of Object.entries(phases)) console.log(`    ${phase.padEnd(38)} ${s(seconds)}`);

// The self-test's targets: its cases that run the suite (reports/selftest.json, which the matrix run has
// just written); the calibrated emulators answer a probe after the run, no test.
function selftestCases(): number | undefined {
  try {
    const { cases } = JSON.parse(readFileSync(join(root, 'reports', 'selftest.json'), 'utf8')) as {
      cases?: { name: string }[];
    };
    return cases?.filter((c) => !c.name.startsWith('calibration:')).length;
  } catch {
    return undefined;
  }
}

// The phases of one main job, from the script's own timings and the compliance records.
function mainJobPhases(t: Record<string, number>): Record<string, number> {
  const records = JSON.parse(readFileSync(join(root, 'test-results', 'compliance-records.json'), 'utf8')) as {
    startedAt: string;
    durationMs: number;
    tests: { startedAt?: string; durationMs: number }[];
  };
  const at = (ms: number) => (t.timeOrigin! + ms) / 1000;
  const begun = Date.parse(records.startedAt) / 1000;
  const starts = records.tests.map((x) => Date.parse(x.startedAt ?? records.startedAt) / 1000);
  const ends = records.tests.map((x, i) => starts[i]! + x.durationMs / 1000);
  return {
    'script start, config and preflight': at(t.playwrightStart!) - t.timeOrigin! / 1000,
    'Playwright runner start': begun - at(t.playwrightStart!),
    'global set-up and first worker start': Math.min(...starts) - begun,
    'tests (first start to last end)': Math.max(...ends) - Math.min(...starts),
    'sum of test durations': records.tests.reduce((sum, x) => sum + x.durationMs, 0) / 1000,
    'reporters and Playwright exit': at(t.playwrightEnd!) - Math.max(...ends),
    'Allure generation (beside the leak scan)': (t.allureMs ?? 0) / 1000,
    'evidence: Allure and leak scan': (t.finished! - t.playwrightEnd!) / 1000,
  };
}
