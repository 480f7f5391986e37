// The self-test matrix (issue "Prove the suite"): run the conformance suite against the reference
// emulator in every conforming profile and with every deliberate fault, then check that profiles pass
// (no FAIL, no WARN) and that each fault makes exactly its declared requirements FAIL or WARN.
// Writes reports/selftest.md (for people) and reports/selftest.json (read by npm test).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getRegistry } from '../src/contract/index.ts';
import { FAULT_CATALOGUE, PROFILES, startEmulator } from '../src/emulator/index.ts';
import { judgeMatrix, judgeTenantRun, type MatrixIndex } from '../src/selftest/judge-matrix.ts';
import { renderSelftest } from '../src/selftest/render-selftest.ts';
import {
  judgeRehearsal,
  listTenantActions,
  rehearsalApps,
  rehearsalEnv,
  rehearsalSeed,
} from '../src/selftest/tenant-rehearsal.ts';

const only = process.env.MDE_SELFTEST_ONLY?.split(',').map((s) => s.trim());
const targets = [
  ...Object.keys(PROFILES).map((profile) => ({
    name: `profile:${profile}`,
    profile,
    faults: [] as string[],
  })),
  ...FAULT_CATALOGUE.map((f) => ({ name: `fault:${f.name}`, profile: 'default', faults: [f.name] })),
].filter((t) => !only || only.includes(t.name));

// A report left by an earlier run must never be judged as this run's.
rmSync('reports/selftest-run', { recursive: true, force: true });

const started = performance.now();
// One emulator per target; its tests run one at a time (playwright.selftest.config.ts).
const emulators = await Promise.all(
  targets.map((t) => startEmulator({ port: 0, profile: t.profile, faults: t.faults })),
);
const urls = Object.fromEntries(targets.map((t, i) => [t.name, emulators[i]!.url]));
// Two tenant rehearsals: the emulator without control protocol plays a real tenant.
const apps = rehearsalApps();
const seed = rehearsalSeed(apps);
const rehearsals = [false, true]
  .map((writes) => ({ name: writes ? 'tenant:writes' : 'tenant:read-only', writes }))
  .filter((r) => !only || only.includes(r.name));
const tenantEmulators = await Promise.all(
  rehearsals.map(() => startEmulator({ port: 0, control: false, seed })),
);
const tenants = Object.fromEntries(
  rehearsals.map((r, i) => [r.name, { url: tenantEmulators[i]!.url, writes: r.writes }]),
);
const bootMs = performance.now() - started;

// Asynchronous on purpose: the emulators live in this process and must keep answering meanwhile.
const child = spawn(
  'npx',
  ['playwright', 'test', '-c', 'playwright.selftest.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...rehearsalEnv(tenantEmulators[0]?.url ?? 'http://127.0.0.1:9', apps),
      MDE_SELFTEST_TARGETS: JSON.stringify(urls),
      MDE_SELFTEST_TENANTS: JSON.stringify(tenants),
    },
  },
);
const run = { status: await new Promise<number | null>((done) => child.on('close', done)) };
const rehearsalChecks = await Promise.all(
  rehearsals.map(async (r, i) => ({
    name: r.name,
    ...judgeRehearsal(
      r.writes,
      seed.actions?.length ?? 0,
      await listTenantActions(tenantEmulators[i]!.url, apps),
    ),
  })),
);
await Promise.all([...emulators, ...tenantEmulators].map((e) => e.close()));
const seconds = (performance.now() - started) / 1000;

const index = readMatrixIndex('reports/selftest-run');
if (!index) {
  console.error(`self-test: the matrix run wrote no compliance report (Playwright exit ${run.status}).`);
  process.exit(1);
}
const levels = Object.fromEntries(getRegistry().requirements.map((r) => [r.id, r.level]));
const result = judgeMatrix(
  index,
  FAULT_CATALOGUE,
  levels,
  targets.map((t) => t.name),
);
for (const check of rehearsalChecks) result.cases.push(judgeTenantRun(check, index));

mkdirSync('reports', { recursive: true });
const summary = {
  ...result.summary,
  seconds: Math.round(seconds),
  emulatorBootSeconds: Math.round(bootMs / 100) / 10,
};
writeFileSync('reports/selftest.json', `${JSON.stringify({ summary, cases: result.cases }, null, 2)}\n`);
writeFileSync('reports/selftest.md', renderSelftest(summary, result.cases));
const rehearsalsPassed = result.cases.filter((c) => c.kind === 'tenant' && c.ok).length;
console.log(
  `\nself-test: faults caught ${summary.faultsCaught}/${summary.faults}, profiles passed ${summary.profilesPassed}/${summary.profiles}, tenant rehearsals ${rehearsalsPassed}/${rehearsalChecks.length}, ${summary.seconds} s (reports/selftest.md)`,
);
for (const c of result.cases.filter((c) => !c.ok)) console.log(`  ✘ ${c.name}: ${c.detail}`);
process.exit(result.cases.every((c) => c.ok) ? 0 : 1);

// A run of several targets writes targets/index.json; a run narrowed to one target writes a single
// compliance.json, which is read into the same shape.
function readMatrixIndex(dir: string): MatrixIndex | undefined {
  if (existsSync(`${dir}/targets/index.json`))
    return JSON.parse(readFileSync(`${dir}/targets/index.json`, 'utf8')) as MatrixIndex;
  if (!existsSync(`${dir}/compliance.json`)) return undefined;
  const report = JSON.parse(readFileSync(`${dir}/compliance.json`, 'utf8')) as {
    target: { name: string };
    summary: { errored: number };
    requirements: { id: string; verdict: string }[];
  };
  const verdicts = Object.fromEntries(report.requirements.map((r) => [r.id, r.verdict]));
  return { targets: [{ name: report.target.name, verdicts, summary: report.summary }] };
}
