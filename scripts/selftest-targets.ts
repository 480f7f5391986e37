// The targets of the self-test matrix (scripts/selftest.ts): the reference emulator in every built-in
// profile and with every fault (embedded targets), two tenant rehearsals, and the independent emulator
// in its variants, each kept when `wanted` names its case.
import { FAULT_CATALOGUE, type FaultEntry, PROFILES } from '../src/emulator/index.ts';
import { loadConfig } from '../src/harness/config/load-config.ts';
import type { EmbeddedTarget } from '../src/harness/config/target-spec.ts';
import { type TargetPlan, targetInfo } from '../src/harness/run/run-plan.ts';
import { runWorkers } from '../src/harness/run/run-workers.ts';
import { faultCase, independentCase, profileCase } from '../src/selftest/case-names.ts';
import { startIndependentEmulator } from '../src/selftest/independent-emulator/index.ts';
import { REHEARSAL_NAMES, startRehearsals } from '../src/selftest/rehearsal/start-rehearsals.ts';
import { INDEPENDENT_VARIANTS } from '../src/selftest/selftest-cases.ts';

// A wire fault that leaves a request unanswered costs one request timeout per lost exchange (two in
// the whole matrix: GET.NOTFOUND's and SCHEMA.ERROR's GET of an unknown id), so its target waits 1 s,
// not the run's 10 s. A reset or a body cut short is lost at once: those targets keep the run's
// timeout, and a lawful exchange slowed by a loaded machine is not lost there.
const UNANSWERED_TIMEOUT_MS = 1_000;
// Every act says, so that a new one is decided on.
const WAITS_OUT_TIMEOUT: Record<Extract<FaultEntry, { seam: 'wire' }>['act'], boolean> = {
  'no-answer': true,
  reset: false,
  truncate: false,
};

const embedded = (name: string, spec: EmbeddedTarget, requestTimeoutMs?: number): TargetPlan => ({
  name,
  spec,
  info: targetInfo(spec, { description: name }),
  ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
});

// Starts the rehearsals and the independent emulators; the caller closes them (and removes
// `rehearsalDir`) when the run is over.
export async function startMatrixTargets(
  wanted: (name: string) => boolean,
  workers: number,
  rehearsalDir: string,
  rehearsalProfile?: string,
) {
  const targets: TargetPlan[] = [
    ...Object.keys(PROFILES).map((p) => embedded(profileCase(p), { mode: 'embedded', profile: p })),
    ...FAULT_CATALOGUE.map((f) =>
      embedded(
        faultCase(f.name),
        { mode: 'embedded', faults: [f.name] },
        f.seam === 'wire' && WAITS_OUT_TIMEOUT[f.act] ? UNANSWERED_TIMEOUT_MS : undefined,
      ),
    ),
  ].filter((t) => wanted(t.name));

  // Two tenant rehearsals over HTTPS: an emulator without control protocol plays a real tenant and its
  // Entra ID; the suite signs in with certificates (read-only), then with a federated token (writes
  // allowed), as a user configures it; the tenant is read back afterwards to see what the suite did.
  // Both kinds start together: the rehearsals make their keys and certificates while the independent
  // emulators start (theirs make a key only when a worker first signs in).
  const [tenants, independents] = await Promise.all([
    startRehearsals(wanted, rehearsalDir, rehearsalProfile),
    startIndependents(wanted, workers),
  ]);
  for (const r of tenants.rehearsals) {
    const spec = loadConfig(r.env).target;
    targets.push({
      name: r.name,
      spec,
      info: targetInfo(spec, {
        description: `${r.name} (${r.signIn} sign-in${rehearsalProfile ? `, profile ${rehearsalProfile}` : ''})`,
      }),
    });
  }
  // The independent emulator's variants: one target each, its slots the instances started.
  for (const { variant, slots } of independents) {
    const urls = slots.map((e) => e.url);
    const spec = { mode: 'emulator' as const, apiBaseUrl: urls[0]!, slots: urls };
    const name = independentCase(variant);
    targets.push({
      name,
      spec,
      info: targetInfo(spec, { description: `independent emulator, variant ${variant}` }),
    });
  }
  return { targets, tenants, independents };
}

// A second, independent implementation in two lawful variants (src/selftest/independent-emulator):
// a suite checked only against the emulator it was written with could overfit it.
// One instance per worker slot, so their tests run in the shared workers like the embedded targets;
// the rehearsals' workers run beside those workers, so a worker's slot can be as high as their sum.
function startIndependents(wanted: (name: string) => boolean, workers: number) {
  // The rehearsals are tenant targets, which have no slots: the shared ones of runWorkers().
  const slots = runWorkers({ isolated: 1, shared: REHEARSAL_NAMES.filter(wanted).length }, workers);
  return Promise.all(
    INDEPENDENT_VARIANTS.filter((v) => wanted(independentCase(v))).map(async (variant) => ({
      variant,
      slots: await Promise.all(
        Array.from({ length: slots }, () => startIndependentEmulator(variant, { port: 0 })),
      ),
    })),
  );
}
