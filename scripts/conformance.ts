// npm run conformance [-- <playwright args>]: checks the configuration and the target, runs the
// conformance suite (playwright.config.ts) and exits with the run's outcome (docs/interfaces.md#exit-codes).
// User errors print one line each, never a stack trace.
import { writeFileSync } from 'node:fs';
import { exitAfterOutput } from '../src/common/exit-after-output.ts';
import { describeError } from '../src/harness/errors.ts';
import { redactText } from '../src/harness/redaction/redact.ts';
import { preflightOrStop } from './conformance-preflight.ts';
import '../src/harness/run/closed-output.mjs';
import { enterRepoRoot, outsideRepoProblem } from '../src/harness/preflight/preflight-root.ts';
import { holdSignalsWhile } from '../src/harness/run/hold-signals.ts';
import { planFromConfig } from '../src/harness/run/plan-from-config.ts';
import { encodeRunPlan, RUN_PLAN_VARIABLE } from '../src/harness/run/run-plan.ts';
import { runPlaywright } from '../src/harness/run/run-playwright.ts';
import { shardOf } from '../src/harness/run/shard-option.ts';
import { stopBeforeStart } from '../src/harness/run/stop-before-start.ts';
import { startAllureGenerator } from '../src/reporters/allure/allure-generate.ts';
import { EXIT, type ExitCode } from '../src/reporters/run/run-outcome.ts';
import { startEmbeddedAhead } from '../tests/fixtures/embedded-handoff.ts';
import { checkBeforeRun } from './conformance-checks.ts';

async function main(args: string[]): Promise<ExitCode> {
  enterRepoRoot();
  const checked = await checkBeforeRun(args);
  if (typeof checked === 'number') return checked;
  const { config, singleFile, reportsNothing } = checked;
  const target = config.target;
  // Its reporters are playwright.config.ts's (conformance-checks.ts refuses --reporter), the first of which reports a
  // failure marked expected to keep its worker as the failure it is (src/harness/run/kept-worker.ts).
  const plan = { ...planFromConfig(config), keepWorkerAfterFailure: true };
  const shard = shardOf(args);
  if (shard) plan.shard = shard;
  console.log(`conformance: ${plan.targets[0]!.info.description}, run ${plan.runId}`);

  if (target.mode !== 'embedded' && !reportsNothing) {
    const stopped = await preflightOrStop(plan, target, config.requestTimeoutMs);
    if (stopped !== undefined) return stopped;
  }

  // From outside the repository Playwright finds no config (a stack trace) and the reports would go to
  // the repository's root, over its last run's; a test that runs this script elsewhere ends sooner.
  const outside = outsideRepoProblem();
  if (outside) {
    console.error(`conformance: ${outside}`);
    return EXIT.ERRORED;
  }
  const started = Date.now();
  const allure = reportsNothing ? undefined : startAllureGenerator({ singleFile });
  timings.playwrightStart = performance.now();
  const embeddedKeys = startEmbeddedAhead(plan);
  const playwright = runPlaywright('playwright.config.ts', args, {
    [RUN_PLAN_VARIABLE]: encodeRunPlan(plan),
    ...embeddedKeys.env,
  });
  // The runner, in the same process group, gets a Ctrl-C from now on and the reports follow from it.
  earlyStop.began();
  // What runs after the tests loads while they run: Playwright's runner starts that much sooner. A
  // failed load (a Ctrl-C ended tsx's compiler) is told once the runner has ended and the keys are gone.
  const finishing = import('../src/reporters/run/finish-modules.ts').then((m) => m.loadFinishing(plan));
  finishing.catch(() => {});
  const playwrightExit = await playwright;
  timings.playwrightEnd = performance.now();
  // The code is what this run's reports say; finishRun tells them from an earlier run's by their age.
  const exitCode = await holdSignalsWhile(async () => {
    await embeddedKeys.close();
    const { finishRun } = await finishing;
    return finishRun({
      run: { startedAt: started, playwrightExit, ...(reportsNothing ? {} : { plan }) },
      singleFile,
      timings,
      allure,
    });
  });
  timings.finished = performance.now();
  // npm run bench:suite reads where the time went.
  if (process.env.MDE_TIMINGS_FILE)
    writeFileSync(
      process.env.MDE_TIMINGS_FILE,
      JSON.stringify({ timeOrigin: performance.timeOrigin, ...timings }),
    );
  return exitCode;
}

const timings: Record<string, number> = {};
// A Ctrl-C before Playwright's runner starts is one line, not the compiler's error (stop-before-start.ts).
const earlyStop = stopBeforeStart('conformance');

main(process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))).then(
  exitAfterOutput,
  (error: unknown) => {
    const stopped = earlyStop.explain(error);
    if (stopped) {
      console.error(stopped);
      return exitAfterOutput(EXIT.ERRORED);
    }
    // A bug of the suite, not a user error: still one line, the stack only with DEBUG.
    console.error(`conformance: ${describeError(error)}`);
    if (process.env.DEBUG) console.error(redactText(String((error as Error)?.stack)));
    exitAfterOutput(EXIT.ERRORED);
  },
);
