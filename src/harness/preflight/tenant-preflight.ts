import type { TenantTarget } from '../config/target-spec.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../drivers/tenant/tenant-quota.ts';
import { TargetUnreachableError } from '../errors.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { checkApiTakesToken } from '../identity/api-acceptance.ts';
import { authorityVariable } from '../identity/authority.ts';
import { askAuthority } from '../identity/authority-answer.ts';
import { tokenUrl } from '../identity/client-secret-flow.ts';
import { checkOperatorHoldsActionRole } from '../identity/operator-roles.ts';
import { SignInError, signInError } from '../identity/sign-in-error.ts';
import type { TokenError } from '../identity/token-answer.ts';
import { type Token, tokenSourceFor } from '../identity/token-source.ts';
import { earlierRunScans } from './earlier-run-scans.ts';
import { checkOtherAppsSignIn } from './other-apps-sign-in.ts';
import type { PreflightOptions } from './preflight.ts';
import { withinTime } from './within-time.ts';
import { wrongScheme } from './wrong-scheme.ts';

// A tenant's preflight, once its API origin answered: the operator signs in, the API takes its token and
// its roles let it act, the other apps sign in, and an earlier run's scans still running are told.
export async function tenantPreflight(spec: TenantTarget, options: PreflightOptions): Promise<void> {
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
