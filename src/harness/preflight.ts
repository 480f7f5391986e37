import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from '../contract/index.ts';
import type { HarnessConfig } from './config/load-config.ts';
import type { TargetSpec } from './config/target-spec.ts';
import { ControlClient } from './drivers/control-client.ts';
import { acquireToken, describeFetchError, TokenError, tokenUrl } from './drivers/token-client.ts';
import { ControlProtocolError, TargetUnreachableError } from './errors.ts';
import { registerSecret } from './redaction/redact.ts';

// Each probe gets a short timeout so a dead target is reported in seconds, not after N test timeouts.
const PROBE_TIMEOUT_MS = 3_000;

export interface PreflightTarget {
  spec: TargetSpec;
  // Where the API answers (the started emulator for embedded).
  apiBaseUrl: string;
}

// Checks, before any test, that the API origin answers, the token endpoint answers and a token can be
// had (and in emulator modes that the control protocol answers). Throws one TargetUnreachableError
// naming the URL and the cause.
export async function preflight(target: PreflightTarget, config: HarnessConfig): Promise<void> {
  const { spec, apiBaseUrl } = target;
  await probeOrigin(`${apiBaseUrl}/api/machineactions/${randomUUID()}`, 'the API');
  if (spec.mode === 'tenant') {
    const operator = config.credentials?.operator;
    if (!operator) return;
    await probeToken({
      authBaseUrl: spec.authBaseUrl,
      tenantId: spec.tenantId,
      ...operator,
      scope: spec.scope,
    });
    return;
  }
  const controlBaseUrl = spec.mode === 'emulator' ? (spec.controlBaseUrl ?? apiBaseUrl) : apiBaseUrl;
  const authBaseUrl = spec.mode === 'emulator' ? (spec.authBaseUrl ?? apiBaseUrl) : apiBaseUrl;
  const control = new ControlClient(controlBaseUrl, PROBE_TIMEOUT_MS);
  try {
    await control.clock();
  } catch (error) {
    if (!(error instanceof ControlProtocolError)) throw error;
    throw new TargetUnreachableError(
      error.url,
      error.status === undefined ? error.detail : `answered ${error.status} instead of 200 {"now": ...}`,
      'MDE_TARGET=emulator needs an emulator that implements the control protocol (interfaces.md section 3); check MDE_CONTROL_BASE_URL',
    );
  }
  // A throw-away app proves the token endpoint issues tokens.
  const app = {
    tenantId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: randomBytes(18).toString('base64url'),
  };
  registerSecret(app.clientSecret);
  await control.registerApp({ ...app, roles: ['Machine.Read.All'] });
  await probeToken({ authBaseUrl, ...app, scope: spec.scope ?? DEFAULT_SCOPE });
}

async function probeOrigin(url: string, what: string): Promise<void> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    throw new TargetUnreachableError(
      new URL(url).origin,
      `${what} does not answer: ${describeFetchError(error)}`,
      'Check MDE_API_BASE_URL and that the target is running and reachable',
    );
  }
}

async function probeToken(req: Parameters<typeof acquireToken>[0]): Promise<void> {
  try {
    await acquireToken({ ...req, timeoutMs: PROBE_TIMEOUT_MS });
  } catch (error) {
    const url = tokenUrl(req.authBaseUrl, req.tenantId);
    if (error instanceof TokenError) {
      const fix =
        error.status === 401 || error.status === 400
          ? 'Check MDE_TENANT_ID, MDE_CLIENT_ID and MDE_CLIENT_SECRET (and that the secret has not expired)'
          : 'Check MDE_AUTH_BASE_URL and that the token endpoint is reachable';
      throw new TargetUnreachableError(
        url,
        `no token: ${error.reason}${error.status ? ` (${error.status})` : ''}`,
        fix,
      );
    }
    throw new TargetUnreachableError(url, describeFetchError(error), 'Check MDE_AUTH_BASE_URL');
  }
}
