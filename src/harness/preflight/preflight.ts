import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from '../../contract/index.ts';
import { isLoopback } from '../config/hosts.ts';
import type { EmulatorTarget, TenantTarget } from '../config/target-spec.ts';
import { ControlClient } from '../drivers/emulator/control-client.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../drivers/tenant/tenant-quota.ts';
import { ControlProtocolError, TargetAnswerError, TargetUnreachableError } from '../errors.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { checkApiTakesToken } from '../identity/api-acceptance.ts';
import { authorityVariable } from '../identity/authority.ts';
import { askAuthority } from '../identity/authority-answer.ts';
import {
  acquireToken,
  type Token as IssuedToken,
  TokenError,
  tokenUrl,
} from '../identity/client-secret-flow.ts';
import { checkOperatorHoldsActionRole } from '../identity/operator-roles.ts';
import { SignInError, signInError } from '../identity/sign-in-error.ts';
import { type Token, tokenSourceFor } from '../identity/token-source.ts';
import { registerSecret } from '../redaction/redact.ts';
import { earlierRunScans } from './earlier-run-scans.ts';
import { checkEmulatorApiTakesToken } from './emulator-api-acceptance.ts';
import { probeOrigin } from './origin-probe.ts';
import { checkOtherAppsSignIn } from './other-apps-sign-in.ts';
import { clockRefusal, issuedTokenRefusal, tokenRefusal } from './preflight-refusals.ts';
import { withinTime } from './within-time.ts';
import { wrongScheme } from './wrong-scheme.ts';

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
  if (spec.mode === 'tenant') {
    const operator = tokenSourceFor(spec.credentials.operator, spec);
    // The variable the user set: AZURE_AUTHORITY_HOST stands in for an unset MDE_AUTH_BASE_URL.
    const check = `Check ${authorityVariable(spec, 'authBaseUrl')}`;
    let token: Token | undefined;
    try {
      token = await withinTime(operator.token(spec.scope), options.timeoutMs);
    } catch (error) {
      // The suite signs a secret in over http itself: an HTTPS port's 400 there is the scheme to fix.
      if (error instanceof SignInError && !error.refused && error.exchange) {
        const url = tokenUrl(spec.authBaseUrl, spec.tenantId);
        const variable = authorityVariable(spec, 'authBaseUrl');
        const scheme = await wrongScheme(url, variable, error.exchange, options.timeoutMs, error);
        if (scheme) throw scheme;
      }
      if (error instanceof SignInError || error instanceof TargetUnreachableError) throw error;
      throw new TargetUnreachableError(
        tokenUrl(spec.authBaseUrl, spec.tenantId),
        describeFetchError(error),
        check,
        { cause: error },
      );
    }
    if (!token) {
      // msal-node retries a refused connection for seconds before it gives up: the authority's own
      // answer tells a refused connection (or a refusal) from a sign-in that is merely slow.
      const answer = await askAuthority(spec, options.timeoutMs);
      if (answer) throw signInError(answer, spec.credentials.operator, spec);
      // @azure/identity's pipeline tries a 5xx or a reset four times, which can outlast the wait: what
      // the endpoint last said is the cause.
      const last = operator.lastFailure?.();
      throw new TargetUnreachableError(
        tokenUrl(spec.authBaseUrl, spec.tenantId),
        `no token within ${options.timeoutMs / 1000} s${last ? `; its last try: ${lastTry(last)}` : ''}`,
        // A slow authority is not a dead one: the setting that lets the sign-in take longer (a failing
        // one is no slower for it).
        `${check} and that the token endpoint is reachable${last ? '' : ', or raise MDE_REQUEST_TIMEOUT_SECONDS for a slower one'}`,
      );
    }
    if (options.ledger) countPreflightCall(spec, options.ledger);
    await checkApiTakesToken(spec, token.accessToken, options.timeoutMs);
    checkOperatorHoldsActionRole(token.accessToken);
    await checkOtherAppsSignIn(spec, options.timeoutMs);
    if (spec.allowWrites && spec.machineId && options.ledger) {
      const { ledger } = options;
      const warn = options.warn ?? ((line: string) => console.error(line));
      // Each page of the device's list is a call of its quota: counted page by page, not once.
      const count = () => countPreflightCall(spec, ledger);
      const lines = await earlierRunScans(spec, token.accessToken, ledger.runId, options.timeoutMs, count);
      for (const line of lines) warn(line);
    }
    return;
  }
  const controlBaseUrl = spec.controlBaseUrl ?? spec.apiBaseUrl;
  const control = new ControlClient(controlBaseUrl, options.timeoutMs);
  try {
    await control.clock();
  } catch (error) {
    if (!(error instanceof ControlProtocolError)) throw error;
    const failure = error.status === undefined ? { loss: error.detail } : { status: error.status };
    const variable = controlBaseUrl === spec.apiBaseUrl ? 'MDE_API_BASE_URL' : 'MDE_CONTROL_BASE_URL';
    const scheme = await wrongScheme(error.url, variable, failure, options.timeoutMs, error);
    if (scheme) throw scheme;
    const { reason, fix } = clockRefusal(error);
    // An answer, however wrong, is the emulator's to fix; no answer, the URL or the emulator's running.
    const Stop = error.status === undefined ? TargetUnreachableError : TargetAnswerError;
    throw new Stop(error.url, reason, fix, { cause: error });
  }
  // A throw-away app proves the token endpoint issues tokens.
  const app = {
    tenantId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: randomBytes(18).toString('base64url'),
  };
  registerSecret(app.clientSecret);
  await control.registerApp({ ...app, roles: ['Machine.Read.All'] });
  const authBaseUrl = spec.authBaseUrl ?? spec.apiBaseUrl;
  let issued: IssuedToken;
  try {
    issued = await acquireToken({
      authBaseUrl,
      ...app,
      scope: spec.scope ?? DEFAULT_SCOPE,
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    const url = tokenUrl(authBaseUrl, app.tenantId);
    const variable = authBaseUrl === spec.apiBaseUrl ? 'MDE_API_BASE_URL' : 'MDE_AUTH_BASE_URL';
    const scheme = await wrongScheme(url, variable, failureOf(error), options.timeoutMs, error);
    if (scheme) throw scheme;
    // A 200 came from the token endpoint itself: its answer is what to fix, not the URL.
    const answered = error instanceof TokenError && error.status === 200;
    const { reason, fix } = tokenRefusal(
      error,
      error instanceof TokenError
        ? `no token: ${answered ? 'answered 200, but ' : ''}${error.reason}${error.status && !answered ? ` (${error.status})` : ''}`
        : describeFetchError(error),
    );
    const Stop =
      error instanceof TokenError && error.status !== undefined ? TargetAnswerError : TargetUnreachableError;
    throw new Stop(url, reason, fix, { cause: error });
  }
  const refused = issuedTokenRefusal(issued);
  // The token the endpoint issued, as the tests will read it.
  if (refused) throw new TargetAnswerError(tokenUrl(authBaseUrl, app.tenantId), refused.reason, refused.fix);
  await checkEmulatorApiTakesToken(spec.apiBaseUrl, issued.accessToken, options.timeoutMs, spec.scope);
}

// What a token request met: the status that came, else why none did.
function failureOf(error: unknown): { status?: number; loss?: string } {
  if (error instanceof TokenError && error.status !== undefined) return { status: error.status };
  return { loss: error instanceof TokenError ? error.reason : describeFetchError(error) };
}

// Bookkeeping only: a ledger that cannot be written now fails the workers' own calls, which say so.
function countPreflightCall(spec: TenantTarget, ledger: { runId: string; resultsDir: string }): void {
  try {
    tenantQuotaLedger(spec, ledger.runId, ledger.resultsDir).tryReserve(
      quotaKeyOf(spec, 'operator', spec.credentials.operator),
      'ListMachineActions',
      true,
    );
  } catch {
    // The count is lost, not the run.
  }
}

// "answered 500: server_error", "connection reset before the answer was complete".
function lastTry(failure: TokenError): string {
  return failure.status === undefined ? failure.reason : `answered ${failure.status}: ${failure.reason}`;
}
