// The preflight of a target the run does not start itself (an emulator already running, a tenant):
// one readable line and a stopped-run report instead of N failing tests.
import { resolve } from 'node:path';
import { TEST_RESULTS_DIR } from '../src/common/report-files.ts';
import type { EmulatorTarget, TenantTarget } from '../src/harness/config/target-spec.ts';
import { ApiAccessError, describeError, isUserError } from '../src/harness/errors.ts';
import type { SignInError } from '../src/harness/identity/sign-in-error.ts';
import { redactText } from '../src/harness/redaction/redact.ts';
import { startFingerprints } from '../src/harness/redaction/secret-fingerprints.ts';
import type { RunPlan } from '../src/harness/run/run-plan.ts';
import type { ExitCode } from '../src/reporters/run/run-outcome.ts';

// Undefined when the target answered; else the exit code of the stopped run, its reports written.
export async function preflightOrStop(
  plan: RunPlan,
  target: EmulatorTarget | TenantTarget,
  requestTimeoutMs: number,
): Promise<ExitCode | undefined> {
  // The run begins here: a preflight that stops it is followed by a leak scan, which must look for
  // this run's tokens, not for an earlier run's (their artefacts may hold a unit test's made-up ones).
  startFingerprints();
  plan.fingerprintsStarted = true;
  try {
    const { preflight } = await import('../src/harness/preflight/preflight.ts');
    // Each probe waits as long as any exchange may (MDE_REQUEST_TIMEOUT_SECONDS): a slow target is
    // not a dead one. The budget is a last guard over the few probes in a row, each bounded itself.
    const ledger = { runId: plan.runId, resultsDir: resolve(TEST_RESULTS_DIR) };
    // Before a preflight that may stop the run: its reports must not list an earlier run's actions.
    const { setAsideEarlierLedgers } = await import('../src/harness/drivers/tenant/earlier-ledgers.ts');
    setAsideEarlierLedgers(ledger.resultsDir, plan.runId, new Date());
    await withBudget(
      preflight(target, { timeoutMs: requestTimeoutMs, ledger }),
      5 * requestTimeoutMs + 5_000,
    );
  } catch (error) {
    const line = isUserError(error)
      ? describeError(error)
      : `TargetUnreachableError: ${redactText(error instanceof Error ? error.message : String(error))}`;
    console.error(line);
    // Refused credentials, or a token the API refuses, are configuration to fix (exit 2), not a
    // target to retry later. (Told by its code: the sign-in modules load only for a tenant, inside
    // the preflight.)
    const refused =
      error instanceof ApiAccessError ||
      ((error as Partial<SignInError>)?.code === 'SIGN_IN' && (error as SignInError).refused);
    const { writeStoppedRunReport } = await import('../src/reporters/run/stopped-run-report.ts');
    console.log(await writeStoppedRunReport(plan, line, refused ? 'suite-error' : 'target-unreachable'));
    // The stopped run's artefacts are scanned as any run's are (exit 4 on a finding).
    const { finishRun } = await import('../src/reporters/run/finish-run.ts');
    return finishRun({ skipAllure: true, root: process.cwd() });
  }
  plan.preflighted = true;
  return undefined;
}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const line = `the preflight did not finish within ${ms / 1000} s; check that the target answers, or raise MDE_REQUEST_TIMEOUT_SECONDS for a slower one (the preflight may take five times it)`;
    timer = setTimeout(() => reject(new Error(line)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
