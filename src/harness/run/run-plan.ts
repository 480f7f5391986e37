import { describeTarget, type TargetMode, type TargetSpec } from '../config/target-spec.ts';

// What one run does, decided once before Playwright starts and handed to every process of the run as
// data: the run id, the targets and how long an exchange or a test may take. It holds no secret
// (a tenant's credentials are specs naming where each secret lives).

// What the reports say about a target; never a secret or a client id.
export interface TargetInfo {
  mode: TargetMode;
  apiHost: string;
  description: string;
  [detail: string]: unknown;
}

export interface TargetPlan {
  // 'embedded', 'tenant', or in the self-test 'profile:lenient', 'fault:cancel-new-id', ...
  name: string;
  spec: TargetSpec;
  info: TargetInfo;
  // Overrides the run's request timeout for this target (the self-test's wire faults).
  requestTimeoutMs?: number;
}

export interface RunPlan {
  runId: string;
  requestTimeoutMs: number;
  testTimeoutMs: number;
  targets: TargetPlan[];
  // 'quiet' checks every exchange but attaches none (the self-test matrix judges verdicts only).
  exchanges: 'full' | 'quiet';
  // The targets answered a preflight before Playwright started (npm run conformance does one).
  preflighted?: boolean;
  // The script began this run's file of issued-secret fingerprints before its preflight, whose token
  // is this run's: the global set-up then keeps the file instead of beginning it again.
  fingerprintsStarted?: boolean;
  // --shard=i/n as npm run conformance was given it: a run stopped before its tests is still a shard.
  shard?: { current: number; total: number };
  // A failed test is marked expected, so Playwright does not replace its worker (kept-worker.ts); the
  // self-test judges verdicts alone, a run with reports has KeptWorkerReporter make it a failure again.
  keepWorkerAfterFailure?: boolean;
}

// A filesystem-safe directory for a target name ('fault:cancel-new-id' → 'fault-cancel-new-id').
export function targetDirName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

// The one channel Playwright offers from the runner to its workers is the environment: the runner
// and every worker read the same plan from this variable.
export const RUN_PLAN_VARIABLE = 'MDE_RUN_PLAN';

export function targetInfo(spec: TargetSpec, extra: Record<string, unknown> = {}): TargetInfo {
  switch (spec.mode) {
    case 'embedded':
      return {
        mode: spec.mode,
        apiHost: 'loopback (emulator started by the suite)',
        // Named even when it is the default one, which the run then used.
        description: describeTarget({ ...spec, profile: spec.profile ?? 'default' }),
        // Also as fields, for machines reading compliance.json (compliance.md says them once).
        profile: spec.profile ?? 'default',
        faults: spec.faults ?? [],
        ...extra,
      };
    default:
      return {
        mode: spec.mode,
        apiHost: new URL(spec.apiBaseUrl).host,
        description: describeTarget(spec),
        ...extra,
      };
  }
}

export function encodeRunPlan(plan: RunPlan): string {
  return JSON.stringify(plan);
}

function decodeRunPlan(text: string): RunPlan {
  const plan = JSON.parse(text) as RunPlan;
  if (!plan || !Array.isArray(plan.targets) || plan.targets.length === 0 || !plan.runId)
    throw new Error(`${RUN_PLAN_VARIABLE} does not hold a run plan with at least one target.`);
  return plan;
}

// The plan the run handed down to this process, if any.
export function handedRunPlan(env: NodeJS.ProcessEnv = process.env): RunPlan | undefined {
  const handed = env[RUN_PLAN_VARIABLE];
  return handed ? decodeRunPlan(handed) : undefined;
}

// A test declared for one target of a run with several carries this tag (tests/fixtures/suite.ts).
export function targetTag(name: string): string {
  return `@target:${name}`;
}

// The target a test runs against: the one its tags name, or the run's only target. `test` (its file
// and title) lets the error say which test a contributor declared outside suite().
export function targetOfTest(plan: RunPlan, tags: readonly string[], test?: string): TargetPlan {
  const tagged = tags.find((t) => t.startsWith('@target:'))?.slice('@target:'.length);
  if (tagged === undefined) {
    if (plan.targets.length === 1) return plan.targets[0]!;
    throw new Error(
      `${test ? `${test}: a` : 'A'} test of a run with several targets carries no @target: tag; declare it inside suite().`,
    );
  }
  const target = plan.targets.find((t) => t.name === tagged);
  if (!target) throw new Error(`The run plan has no target "${tagged}".`);
  return target;
}
