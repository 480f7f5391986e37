import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { type Clock, WALL_CLOCK } from '../wall-clock.ts';
import { apiRequestLogProblem, logsApiRequests } from './api-request-log.ts';
import { type CheckedEnvironment, checkEnvironment } from './check-environment.ts';
import { ConfigProblems } from './config-problems.ts';
import { commaList } from './env-values.ts';
import { emulatorOriginProblem, isLoopback } from './hosts.ts';
import { checkedOrigin } from './origin-variables.ts';
import { profileFileProblem } from './profile-file.ts';
import { targetLatencyMs } from './profile-latency.ts';
import { type Env, readEnv } from './read-env.ts';
import type { EmbeddedTarget, EmulatorTarget, TargetSpec } from './target-spec.ts';
import { tenantTarget } from './tenant-target.ts';
import { CALLS_IN_TURN, REQUEST_TIMEOUT_SECONDS, TEST_TIMEOUT_SECONDS } from './timeouts.ts';

export type { CredentialKind, CredentialSpec, TenantCredentials } from './credential-spec.ts';
export { readSecret } from './credential-spec.ts';
export { type Env, readEnv };

export interface HarnessConfig {
  target: TargetSpec;
  // Tags everything a run creates on a tenant (Comment) and names its ledgers.
  runId: string;
  // How long one HTTP exchange may take before it counts as lost (MDE_REQUEST_TIMEOUT_SECONDS).
  requestTimeoutMs: number;
  // How long one test may take on this target; every request timeout is below it.
  testTimeoutMs: number;
}

const DEFAULT_EMULATOR_API = 'http://127.0.0.1:4010';

// Reads and checks the whole configuration (docs/interfaces.md#environment): the schema first
// (env-schema.ts), then the rules between variables. Throws one ConfigError listing every problem.
// The clock stamps a new run id and dates the certificates.
export function loadConfig(env: Env = readEnv(), clock: Clock = WALL_CLOCK): HarnessConfig {
  const problems = new ConfigProblems();
  const c = checkEnvironment(env, problems);
  const v = c.values;
  if (v.MDE_ALLOW_HOUR_THROTTLING && !v.MDE_ALLOW_THROTTLING)
    problems.add(
      'MDE_ALLOW_HOUR_THROTTLING',
      'is true but MDE_ALLOW_THROTTLING is not; set both to true, or unset it',
    );
  const mode = c.isBad('MDE_TARGET') ? undefined : v.MDE_TARGET;
  const target =
    mode === 'embedded'
      ? embeddedTarget(c, problems)
      : mode === 'emulator'
        ? emulatorTarget(c, problems)
        : mode === 'tenant'
          ? tenantTarget(c, env, problems, clock.now())
          : undefined;
  if (
    target?.mode === 'tenant' &&
    !isLoopback(new URL(target.apiBaseUrl).hostname) &&
    logsApiRequests(env.DEBUG)
  )
    problems.add('DEBUG', apiRequestLogProblem(env.DEBUG));
  const latencyMs = targetLatencyMs(target);
  const testSeconds = TEST_TIMEOUT_SECONDS[mode ?? 'embedded'] + (CALLS_IN_TURN * latencyMs) / 1000;
  const requestSeconds = v.MDE_REQUEST_TIMEOUT_SECONDS ?? REQUEST_TIMEOUT_SECONDS[mode ?? 'embedded'];
  if (mode && requestSeconds >= testSeconds)
    problems.add(
      'MDE_REQUEST_TIMEOUT_SECONDS',
      `must be below the test timeout, ${testSeconds} s with MDE_TARGET=${mode} (got "${c.written('MDE_REQUEST_TIMEOUT_SECONDS') ?? requestSeconds}")`,
    );
  problems.throwIfAny();
  return {
    target: target!,
    runId: v.MDE_RUN_ID ?? newRunId(new Date(clock.now())),
    requestTimeoutMs: requestSeconds * 1000,
    testTimeoutMs: testSeconds * 1000,
  };
}

function embeddedTarget(c: CheckedEnvironment, problems: ConfigProblems): EmbeddedTarget {
  const v = c.values;
  if (c.isSet('MDE_API_BASE_URL'))
    problems.add(
      'MDE_API_BASE_URL',
      'is set but MDE_TARGET is embedded (the default), which starts its own emulator; set MDE_TARGET=emulator or tenant, or unset MDE_API_BASE_URL',
    );
  const file = v.MDE_EMULATOR_PROFILE_FILE;
  const fileProblem = file && profileFileProblem(file);
  if (fileProblem) problems.add('MDE_EMULATOR_PROFILE_FILE', fileProblem);
  const faults = commaList(v.MDE_EMULATOR_FAULTS);
  return {
    mode: 'embedded',
    ...(v.MDE_EMULATOR_PROFILE ? { profile: v.MDE_EMULATOR_PROFILE } : {}),
    ...(file ? { profileFile: resolve(file) } : {}),
    ...(faults.length ? { faults } : {}),
    ...(v.MDE_EMULATOR_HTTPS ? { https: true } : {}),
    ...(v.MDE_SCOPE ? { scope: v.MDE_SCOPE } : {}),
  };
}

function emulatorTarget(c: CheckedEnvironment, problems: ConfigProblems): EmulatorTarget {
  const origin = (name: string) => checkedOrigin(c, name, problems, emulatorOriginProblem);
  const apiBaseUrl = origin('MDE_API_BASE_URL') ?? DEFAULT_EMULATOR_API;
  return {
    mode: 'emulator',
    apiBaseUrl,
    authBaseUrl: origin('MDE_AUTH_BASE_URL') ?? apiBaseUrl,
    controlBaseUrl: origin('MDE_CONTROL_BASE_URL') ?? apiBaseUrl,
    ...(c.values.MDE_SCOPE ? { scope: c.values.MDE_SCOPE } : {}),
  };
}

function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}
