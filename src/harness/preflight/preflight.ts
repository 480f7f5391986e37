import { randomUUID } from 'node:crypto';
import { isLoopback } from '../config/hosts.ts';
import type { EmulatorTarget, TenantTarget } from '../config/target-spec.ts';
import { emulatorPreflight } from './emulator-preflight.ts';
import { probeOrigin } from './origin-probe.ts';
import { tenantPreflight } from './tenant-preflight.ts';

export interface PreflightOptions {
  // Each probe gets this long, so a dead target is reported in seconds, not after N test timeouts.
  timeoutMs: number;
  // The run's quota ledger (tenant mode): the preflight's one authenticated API call counts in
  // reports/quota.json as the tests' calls do.
  ledger?: { runId: string; resultsDir: string };
  // Where a warning goes (an earlier run's scan still running on MDE_MACHINE_ID): stderr by default.
  warn?: (line: string) => void;
}

// Checks, before any test, that the API origin answers, that a token can be had (in tenant mode, one
// the API takes), and in emulator mode that the control protocol answers. Throws one
// TargetUnreachableError (no answer), TargetAnswerError (an emulator's wrong answer), SignInError or
// ApiAccessError, naming the URL and the cause; never a secret.
export async function preflight(
  spec: EmulatorTarget | TenantTarget,
  options: PreflightOptions,
): Promise<void> {
  // Elsewhere than loopback, a tenant's API host: plain HTTP is refused anyway, so the URL names the
  // wrong service rather than the wrong scheme.
  const publicHost = spec.mode === 'tenant' && !isLoopback(new URL(spec.apiBaseUrl).hostname);
  const probe = `${spec.apiBaseUrl}/api/machineactions/${randomUUID()}`;
  await probeOrigin(probe, options.timeoutMs, publicHost);
  await (spec.mode === 'tenant' ? tenantPreflight(spec, options) : emulatorPreflight(spec, options));
}
