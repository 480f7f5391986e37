// The self-test matrix: the conformance suite, as a user runs it, against the reference emulator in
// every conforming profile and with every deliberate fault, plus two tenant rehearsals, all in one
// Playwright run whose workers are shared by every target. Then the judgement: profiles clean, each
// fault caught exactly, and each profile's observed profile calibrating an emulator that answers as
// the profile does. Writes reports/selftest.md and reports/selftest.json (read by npm test).
// Loaded by scripts/selftest.ts once its command line and .env are good.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitAfterOutput } from '../src/common/exit-after-output.ts';
import { getRegistry } from '../src/contract/index.ts';
import { createSigningKey, FAULT_CATALOGUE, PROFILES } from '../src/emulator/index.ts';
import { ConfigError } from '../src/harness/errors.ts';
import { encodeRunPlan, RUN_PLAN_VARIABLE, type RunPlan } from '../src/harness/run/run-plan.ts';
import { runPlaywright } from '../src/harness/run/run-playwright.ts';
import type { RunRecords } from '../src/reporters/records/test-record.ts';
import { calibrateMatrix, probeMatrixOriginals } from '../src/selftest/calibration/calibrate-matrix.ts';
import { withEvidence } from '../src/selftest/case-evidence.ts';
import { profileCase } from '../src/selftest/case-names.ts';
import {
  judgeMatrix,
  judgeRunErrors,
  judgeTenantRun,
  REFERENCE_TARGET,
} from '../src/selftest/judge-matrix.ts';
import { judgeLawfulSkips, judgeTenantSkips } from '../src/selftest/judge-skips.ts';
import { LAWFUL_SKIPS } from '../src/selftest/lawful-skips.ts';
import { matrixNotWritten } from '../src/selftest/matrix-not-written.ts';
import { readMatrixIndex } from '../src/selftest/read-matrix-index.ts';
import { selftestMarkdown, selftestTable, slowestTest } from '../src/selftest/render-selftest.ts';
import { SELFTEST_CASES } from '../src/selftest/selftest-cases.ts';
import { type SelftestSelection, selftestSelection } from '../src/selftest/selftest-selection.ts';
import { TENANT_SKIP_REASONS } from '../src/selftest/tenant-skips.ts';
import { startEmbeddedAhead } from '../tests/fixtures/embedded-handoff.ts';
import { startMatrixTargets } from './selftest-targets.ts';

const { wanted, only, workers: WORKERS, rehearsalProfile } = selectionOrExit();
const OUT = 'reports/selftest-run';
// The rehearsals' keys and federated token live in a temporary directory, never among the artefacts a
// later run's leak scan reads (where they would rightly be reported).
const rehearsalDir = mkdtempSync(join(tmpdir(), 'mde-rehearsal-'));
// Also when the script ends early (an error, a stop): their keys must not stay behind in the temp dir.
process.on('exit', () => rmSync(rehearsalDir, { recursive: true, force: true }));
const { targets, tenants, independents } = await startMatrixTargets(
  wanted,
  WORKERS,
  rehearsalDir,
  rehearsalProfile,
);

rmSync(OUT, { recursive: true, force: true });
const plan: RunPlan = {
  runId: `selftest-${Date.now().toString(36)}`,
  requestTimeoutMs: 10_000,
  testTimeoutMs: 60_000,
  targets,
  exchanges: 'quiet',
  preflighted: true,
  keepWorkerAfterFailure: true,
};
const RECORDS = 'test-results/selftest-records.json';
const started = performance.now();
// The keys the embedded targets' emulators share are made here while Playwright's runner starts, and
// the calibration's originals are probed then: their answers do not depend on the run.
const embeddedKeys = startEmbeddedAhead(plan);
const calibrationKey = createSigningKey();
const playwright = runPlaywright(process.env.MDE_SELFTEST_CONFIG ?? 'playwright.selftest.config.ts', [], {
  [RUN_PLAN_VARIABLE]: encodeRunPlan(plan),
  MDE_SELFTEST_WORKERS: String(WORKERS),
  // The workers trust the rehearsal emulators' certificate as any Node client would.
  NODE_EXTRA_CA_CERTS: tenants.caFile,
  ...embeddedKeys.env,
});
const originalsStarted = performance.now();
const originals = probeMatrixOriginals({
  profiles: Object.keys(PROFILES).filter((p) => wanted(profileCase(p))),
  variants: independents.map((i) => i.variant),
  signingKey: await calibrationKey,
});
const originalsProbed = Promise.all(originals.map((o) => o.probe.catch(() => {}))).then(
  () => performance.now() - originalsStarted,
);
const exit = await playwright;
await embeddedKeys.close();
const seconds = Math.round((performance.now() - started) / 1000);
const checks = await tenants.judge();
await Promise.all([tenants.close(), ...independents.flatMap((i) => i.slots.map((e) => e.close()))]);
rmSync(rehearsalDir, { recursive: true, force: true });

const index = readMatrixIndex(OUT);
if (!index) {
  const { line, exitCode } = matrixNotWritten(exit);
  console.error(line);
  process.exit(exitCode);
}
const levels = Object.fromEntries(getRegistry().requirements.map((r) => [r.id, r.level]));
const records = JSON.parse(readFileSync(RECORDS, 'utf8')) as RunRecords;
const cases = [
  ...judgeLawfulSkips(
    judgeMatrix(
      index,
      FAULT_CATALOGUE,
      levels,
      targets.map((t) => t.name),
    ),
    records.tests,
    REFERENCE_TARGET,
    LAWFUL_SKIPS,
  ),
  ...judgeTenantSkips(
    checks.map((check) => judgeTenantRun(check, index)),
    records.tests,
    TENANT_SKIP_REASONS,
  ),
];
// Read once, here: left behind, its 20 MB were read again by every later run's leak scan (about 0.15 s
// of a main job after `npm test`). The cases and their evidence are in reports/selftest.*.
rmSync(RECORDS, { force: true });
cases.unshift(...judgeRunErrors(records.runErrors));

// Calibration: each conforming profile's and each independent variant's observed profile starts a
// reference emulator that must answer the differential probe as the original does.
const calibrationStarted = performance.now();
const calibrations = await calibrateMatrix({
  outDir: OUT,
  records,
  originals,
  signingKey: await calibrationKey,
});
cases.push(...calibrations.map((c) => c.result));
const judged = withEvidence(cases, OUT, index);
const figures = {
  tests: records.tests.length,
  seconds,
  workers: WORKERS,
  slowest: slowestTest(records.tests),
  calibration: {
    requests: Math.max(0, ...calibrations.map((c) => c.cost.requests)),
    // After the run; the originals were probed during it.
    seconds: Math.round((performance.now() - calibrationStarted) / 100) / 10,
    originalsSeconds: Math.round((await originalsProbed) / 100) / 10,
  },
  ...(only ? { narrowed: { ran: only, of: SELFTEST_CASES.length } } : {}),
  ...(rehearsalProfile ? { rehearsalProfile } : {}),
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/selftest.json', `${JSON.stringify({ figures, cases: judged }, null, 2)}\n`);
writeFileSync('reports/selftest.md', selftestMarkdown(judged, figures));
console.log(`\n${selftestTable(judged, figures)}\n(every case: reports/selftest.md)`);
exitAfterOutput(judged.every((c) => c.ok) ? 0 : 1);

// --help prints the usage and exits 0; anything else is one line and exit 2, before any emulator starts.
function selectionOrExit(): SelftestSelection {
  const selection = selftestSelection(process.env, SELFTEST_CASES);
  if (selection.problems.length === 0) return selection;
  for (const line of new ConfigError(selection.problems).lines()) console.error(line);
  process.exit(2);
}
