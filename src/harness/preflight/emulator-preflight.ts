import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from '../../contract/index.ts';
import type { EmulatorTarget } from '../config/target-spec.ts';
import { ControlClient } from '../drivers/emulator/control-client.ts';
import { ControlProtocolError, TargetAnswerError, TargetUnreachableError } from '../errors.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { acquireToken, type Token, tokenUrl } from '../identity/client-secret-flow.ts';
import { TokenError } from '../identity/token-answer.ts';
import { registerSecret } from '../redaction/redact.ts';
import { checkEmulatorApiTakesToken } from './emulator-api-acceptance.ts';
import type { PreflightOptions } from './preflight.ts';
import { clockRefusal, issuedTokenRefusal, tokenRefusal } from './preflight-refusals.ts';
import { wrongScheme } from './wrong-scheme.ts';

// An emulator's preflight, once its API origin answered: the control protocol answers, its token
// endpoint issues a token to a throw-away app, and the API takes that token.
export async function emulatorPreflight(spec: EmulatorTarget, options: PreflightOptions): Promise<void> {
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
  let issued: Token;
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
