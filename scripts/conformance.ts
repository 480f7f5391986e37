// npm run conformance [-- <playwright args>]: checks the configuration and the target, runs the
// conformance suite (playwright.config.ts) and exits with the run's outcome (docs/interfaces.md#exit-codes).
// User errors print one line each, never a stack trace.
import { writeFileSync } from 'node:fs';
import { exitAfterOutput } from '../src/common/exit-after-output.ts';
import { embeddedOnlyWarnings } from '../src/harness/config/embedded-only.ts';
import { envFileLineWarnings } from '../src/harness/config/env-file-lines.ts';
import { loadConfig } from '../src/harness/config/load-config.ts';
import { nodeSupportProblem } from '../src/harness/config/node-support.ts';
import { profileFileWarnings } from '../src/harness/config/profile-file.ts';
import { quotedSecretWarnings } from '../src/harness/config/quoted-secrets.ts';
import { readEnv } from '../src/harness/config/read-env.ts';
import { startupOnlyWarnings } from '../src/harness/config/startup-only-variables.ts';
import { unknownVariableWarnings } from '../src/harness/config/unknown-variables.ts';
import { unusedCredentialWarnings } from '../src/harness/config/unused-credentials.ts';
import { ConfigError, describeError } from '../src/harness/errors.ts';
import { redactText } from '../src/harness/redaction/redact.ts';
import { embeddedProblems } from './conformance-embedded-names.ts';
import { preflightOrStop } from './conformance-preflight.ts';
import '../src/harness/run/closed-output.mjs';
import { enterRepoRoot, outsideRepoProblem } from '../src/harness/preflight/preflight-root.ts';
import { unwritableOutputs } from '../src/harness/preflight/preflight-writable.ts';
import { grepOptionProblem } from '../src/harness/run/grep-option.ts';
import { holdSignalsWhile } from '../src/harness/run/hold-signals.ts';
import { isListingRun } from '../src/harness/run/listing-run.ts';
import { outputOptionProblem } from '../src/harness/run/output-option.ts';
import { planFromConfig } from '../src/harness/run/plan-from-config.ts';
import { hasOption } from '../src/harness/run/playwright-argv.ts';
import { playwrightOptionProblem, targetOptionProblem } from '../src/harness/run/playwright-option-values.ts';
import { reporterOptionProblem } from '../src/harness/run/reporter-option.ts';
import { encodeRunPlan, RUN_PLAN_VARIABLE } from '../src/harness/run/run-plan.ts';
import { runPlaywright } from '../src/harness/run/run-playwright.ts';
import { shardOf, shardOptionProblem } from '../src/harness/run/shard-option.ts';
import { stopBeforeStart } from '../src/harness/run/stop-before-start.ts';
import { unknownOptionProblem } from '../src/harness/run/unknown-option.ts';
import { startAllureGenerator } from '../src/reporters/allure/allure-generate.ts';
import { singleFileSetting } from '../src/reporters/allure/single-file-setting.ts';
import { selectedBaselineProblem } from '../src/reporters/baseline/baseline.ts';
import { mustCoverageRequired } from '../src/reporters/compliance/must-coverage.ts';
import { lockRunDirectory, RunLockedError } from '../src/reporters/run/run-lock.ts';
import { EXIT, type ExitCode } from '../src/reporters/run/run-outcome.ts';
import { startEmbeddedAhead } from '../tests/fixtures/embedded-handoff.ts';

async function main(args: string[]): Promise<ExitCode> {
  enterRepoRoot();
  // Before anything is read or written: on too old a Node the run would fail later, less clearly.
  const nodeSupport = nodeSupportProblem();
  if (nodeSupport) {
    console.error(nodeSupport.fatal ? `conformance: ${nodeSupport.line}` : nodeSupport.line);
    if (nodeSupport.fatal) return EXIT.ERRORED;
  }
  // What the run reads beside the configuration (MDE_BASELINE, MDE_REPORT_SINGLE_FILE), .env included.
  const env = readEnv();
  // First, and whatever else is wrong: a misspelt switch (MDE_ALLOW_WRITE) may be why the rest is.
  for (const line of [...envFileLineWarnings(), ...unknownVariableWarnings(env), ...startupOnlyWarnings()])
    console.error(line);
  // A usage error of the command line, said before anything starts (Playwright would throw it later).
  const argsProblem =
    shardOptionProblem(args) ??
    reporterOptionProblem(args) ??
    grepOptionProblem(args) ??
    playwrightOptionProblem(args) ??
    outputOptionProblem(args) ??
    unknownOptionProblem(args);
  if (argsProblem) {
    console.error(`conformance: ${argsProblem}`);
    return EXIT.ERRORED;
  }
  let config: ReturnType<typeof loadConfig>;
  let singleFile: boolean;
  try {
    config = loadConfig(env);
    singleFile = singleFileSetting(env);
    // Read by the reporters; checked here so that a typo stops the run now, not after it.
    mustCoverageRequired(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines()) console.error(line);
    return EXIT.ERRORED;
  }
  // A bad baseline would be reported only after the whole run: say so now, in one line.
  const baselineProblem = selectedBaselineProblem(env);
  if (baselineProblem) {
    console.error(baselineProblem);
    return EXIT.ERRORED;
  }
  const target = config.target;
  // The run's projects and workers follow from its target, known only now.
  const targetProblem = targetOptionProblem(args, target.mode);
  if (targetProblem) {
    console.error(`conformance: ${targetProblem}`);
    return EXIT.ERRORED;
  }
  // Checked before the banner: a run that cannot start must not first announce the bad profile.
  if (target.mode === 'embedded') {
    const problems = await embeddedProblems(target.profile, target.faults ?? []);
    if (problems.length > 0) {
      for (const line of new ConfigError(problems).lines()) console.error(line);
      return EXIT.ERRORED;
    }
  }
  const profileFile = target.mode === 'embedded' ? target.profileFile : undefined;
  for (const line of [
    ...embeddedOnlyWarnings(env, target.mode),
    ...unusedCredentialWarnings(env, target),
    ...quotedSecretWarnings(env, target),
    ...profileFileWarnings(profileFile),
  ])
    console.error(line);
  // A listing and Playwright's --help run no test and write no evidence (listing-run.ts): no target
  // to reach, no Allure report to load Allure for, and a failed preflight must not replace the last
  // run's reports.
  const reportsNothing = isListingRun(args) || hasOption(args, '--help');
  // Before any test: a run that cannot write its evidence would lose it only at the end.
  const unwritable = reportsNothing ? [] : unwritableOutputs(process.cwd());
  for (const line of unwritable) console.error(`conformance: ${line}`);
  if (unwritable.length > 0) return EXIT.ERRORED;
  // Before anything is written: a second run in this directory would overwrite this one's evidence.
  if (!reportsNothing)
    try {
      lockRunDirectory(process.cwd(), 'npm run conformance');
    } catch (error) {
      if (!(error instanceof RunLockedError)) throw error;
      console.error(`conformance: ${error.message}`);
      return EXIT.ERRORED;
    }
  // Its reporters are playwright.config.ts's (--reporter is refused above), the first of which reports a
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
  const finishing = import('../src/reporters/run/finish-run.ts');
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
