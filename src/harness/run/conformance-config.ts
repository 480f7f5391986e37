import { join } from 'node:path';
import {
  defineConfig,
  type PlaywrightTestConfig,
  type Project,
  type ReporterDescription,
} from '@playwright/test';
import { regexpEscape } from '../../common/regexp-escape.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import { isListingRun } from './listing-run.ts';
import { type RunPlan, type TargetPlan, targetTag } from './run-plan.ts';
import { DEFAULT_WORKERS, runWorkers } from './run-workers.ts';

export interface ConformanceConfigOptions {
  reporter: ReporterDescription[];
  // Playwright's own output (traces, attachments) of this kind of run.
  outputDir: string;
  // Parallel workers for targets that start their own emulator in each worker; default 2.
  workers?: number;
}

const TEST_DIR = join(repoRoot, 'tests', 'conformance');
const CLOCK_TESTS = 'clock/**/*.spec.ts';
// Last of all on a shared target: it leaves the hour limit used up, which the other rate tests need.
const HOUR_TEST = 'clock/rate-hour.spec.ts';

// The one Playwright configuration of a conformance run, whatever runs it: `npm run conformance`
// (one target) and the self-test (every profile and fault). Targets travel as data in the plan;
// tests/fixtures/suite.ts declares each file's tests once per target, tagged with it, so the targets
// whose emulators the run starts itself share one project and its workers.
export function conformanceConfig(
  plan: RunPlan,
  options: ConformanceConfigOptions,
  argv: readonly string[] = process.argv,
): PlaywrightTestConfig {
  const isolated = plan.targets.filter(hasSlots);
  const shared = plan.targets.filter((t) => !hasSlots(t));
  // A target the run shares with others (an emulator already running, a tenant) has one clock and one
  // quota: one worker, and alone the tests that move time or exhaust a limit come last. Such targets go
  // first: a tenant's waits are real time (its quota window), spent beside the emulator targets.
  const alone = isolated.length === 0 && shared.length === 1;
  const projects: Project[] = shared.flatMap((target) => sharedProjects(target, alone));
  // Each worker starts its own emulator for a target, so these tests run in parallel, in any order.
  // Beside shared targets they keep their own workers: a shared target's worker mostly waits on its
  // server, and these tests fill that time instead of waiting for it to finish.
  if (isolated.length > 0)
    projects.push({
      name: 'conformance',
      fullyParallel: true,
      ...(shared.length > 0
        ? { grepInvert: tagsOf(shared), workers: options.workers ?? DEFAULT_WORKERS }
        : {}),
    });
  return defineConfig({
    testDir: TEST_DIR,
    outputDir: options.outputDir,
    // The trace guard first: it refuses a traced tenant run before the suite's set-up signs in.
    globalSetup: [
      join(repoRoot, 'src', 'harness', 'run', 'trace-guard.ts'),
      join(repoRoot, 'tests', 'fixtures', 'global-setup.ts'),
    ],
    globalTeardown: join(repoRoot, 'tests', 'fixtures', 'global-teardown.ts'),
    // A test.only left in a spec would run a few tests and report them as a whole run: never allowed
    // here, not only on CI (narrow a run with --grep, which its report names as partial).
    forbidOnly: true,
    // A retry would hide a target that answers differently the second time.
    retries: 0,
    workers: runWorkers({ isolated: isolated.length, shared: shared.length }, options.workers),
    timeout: plan.testTimeoutMs,
    // A listing writes no evidence: only Playwright's list of titles (listing-run.ts).
    reporter: isListingRun(argv) ? [['list']] : options.reporter,
    metadata: { plan },
    // On a CI service Playwright otherwise runs git before the first worker starts and, for a pull
    // request, puts the whole diff in the metadata every worker receives; no report here shows either.
    captureGitInfo: { commit: false, diff: false },
    projects,
  });
}

// Targets with an emulator per worker slot: the embedded ones (the run starts them) and emulators
// the caller started one per slot.
function hasSlots(target: TargetPlan): boolean {
  return target.spec.mode === 'embedded' || (target.spec.mode === 'emulator' && !!target.spec.slots?.length);
}

function sharedProjects(target: TargetPlan, alone: boolean): Project[] {
  // With one worker in the whole run Playwright runs the projects in this order. (A dependency would
  // skip the clock tests whenever a conformance test failed, and would ignore --grep.)
  if (alone)
    return [
      { name: 'conformance', testIgnore: [CLOCK_TESTS] },
      { name: 'conformance-clock', testMatch: [CLOCK_TESTS], testIgnore: [HOUR_TEST] },
      { name: 'conformance-clock-hour', testMatch: [HOUR_TEST] },
    ];
  return [{ name: target.name, workers: 1, grep: tagsOf([target]) }];
}

// Matches the tests suite() declared for these targets.
function tagsOf(targets: TargetPlan[]): RegExp {
  const names = targets.map((t) => regexpEscape(targetTag(t.name)));
  return new RegExp(`(${names.join('|')})(\\s|$)`);
}
