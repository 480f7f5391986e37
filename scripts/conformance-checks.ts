// For npm run conformance (scripts/conformance.ts): everything that refuses a run before it starts, each
// problem in one line and exit 2, so that no run begins that would fail later, less clearly.

import { cloudMismatchWarnings } from '../src/harness/config/cloud-mismatch.ts';
import { embeddedOnlyWarnings } from '../src/harness/config/embedded-only.ts';
import { envFileLineWarnings } from '../src/harness/config/env-file-lines.ts';
import { type HarnessConfig, loadConfig } from '../src/harness/config/load-config.ts';
import { machineIdWarnings } from '../src/harness/config/machine-id-shape.ts';
import { nodeSupportProblem } from '../src/harness/config/node-support.ts';
import { profileFileWarnings } from '../src/harness/config/profile-file.ts';
import { quotedSecretWarnings } from '../src/harness/config/quoted-secrets.ts';
import { readEnv } from '../src/harness/config/read-env.ts';
import { startupOnlyWarnings } from '../src/harness/config/startup-only-variables.ts';
import { tenantOnlyWarnings } from '../src/harness/config/tenant-only.ts';
import { unknownVariableWarnings } from '../src/harness/config/unknown-variables.ts';
import { unusedCredentialWarnings } from '../src/harness/config/unused-credentials.ts';
import { ConfigError } from '../src/harness/errors.ts';
import { unwritableOutputs } from '../src/harness/preflight/preflight-writable.ts';
import { grepOptionProblem } from '../src/harness/run/grep-option.ts';
import { isListingRun } from '../src/harness/run/listing-run.ts';
import { outputOptionProblem } from '../src/harness/run/output-option.ts';
import { hasOption } from '../src/harness/run/playwright-argv.ts';
import { playwrightOptionProblem, targetOptionProblem } from '../src/harness/run/playwright-option-values.ts';
import { reporterOptionProblem } from '../src/harness/run/reporter-option.ts';
import { shardOptionProblem } from '../src/harness/run/shard-option.ts';
import { unknownOptionProblem } from '../src/harness/run/unknown-option.ts';
import { singleFileSetting } from '../src/reporters/allure/single-file-setting.ts';
import { selectedBaselineProblem } from '../src/reporters/baseline/baseline.ts';
import { mustCoverageRequired } from '../src/reporters/compliance/must-coverage.ts';
import { lockRunDirectory, RunLockedError } from '../src/reporters/run/run-lock.ts';
import { EXIT, type ExitCode } from '../src/reporters/run/run-outcome.ts';
import { embeddedProblems } from './conformance-embedded-names.ts';

// What the run goes on with; `reportsNothing`: a listing or Playwright's --help.
export interface CheckedRun {
  config: HarnessConfig;
  singleFile: boolean;
  reportsNothing: boolean;
}

// The checked run, or the exit code of a refused one (its lines already written). The run directory is
// locked for a run that reports.
export async function checkBeforeRun(args: string[]): Promise<CheckedRun | ExitCode> {
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
  let config: HarnessConfig;
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
    ...tenantOnlyWarnings(env, target.mode),
    ...unusedCredentialWarnings(env, target),
    ...quotedSecretWarnings(env, target),
    ...cloudMismatchWarnings(target),
    ...machineIdWarnings(target),
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
  return { config, singleFile, reportsNothing };
}
