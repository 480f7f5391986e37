import { tokenOwnLifetime } from '../drivers/emulator/token-lifetime.ts';
import type { ControlProtocolError } from '../errors.ts';
import type { Token } from '../identity/client-secret-flow.ts';
import { readJwt } from '../identity/jwt-claims.ts';
import { TokenError } from '../identity/token-answer.ts';

// What the preflight says when the emulator's clock or token endpoint answers, but not as the
// protocol says: the reason, and the fix that fits the answer. "Check MDE_CONTROL_BASE_URL" fits a 404
// (another origin), not a 200 with the wrong body nor a 500 of the emulator's own, where the URL is
// right and the emulator is what to fix.
export interface Refusal {
  reason: string;
  fix: string;
}

const CLOCK = 'GET /_emulator/clock must answer 200 {"now": "<RFC 3339 UTC>"}';
const CONTROL = 'docs/interfaces.md#control-protocol';

export function clockRefusal(error: ControlProtocolError): Refusal {
  const { status, detail } = error;
  if (status === undefined)
    return { reason: detail, fix: 'Check MDE_CONTROL_BASE_URL and that the emulator is running' };
  if (status === 200) return { reason: `answered 200, but ${detail}`, fix: `${CLOCK} (${CONTROL})` };
  // The ControlClient's detail: "expected 200; <what the answer held>".
  const held = detail.replace(/^expected \d+; /, '');
  const reason = `answered ${status} instead of 200 {"now": ...}; ${held}`;
  if (status >= 500)
    return { reason, fix: `The emulator failed (its log may say why); ${CLOCK} (${CONTROL})` };
  return {
    reason,
    fix: `MDE_TARGET=emulator needs an emulator that implements the control protocol (${CONTROL}); check MDE_CONTROL_BASE_URL`,
  };
}

const TOKEN_DOC = 'docs/interfaces.md#emulator-token-endpoint';

export function tokenRefusal(error: unknown, reason: string): Refusal {
  const status = error instanceof TokenError ? error.status : undefined;
  if (status === undefined)
    return { reason, fix: 'Check MDE_AUTH_BASE_URL and that the token endpoint is reachable' };
  // Reached, with nothing at the path: an endpoint at another path (Entra's v1 /oauth2/token, /token)
  // is served there, or another origin serves it; "reachable" sent an author to the network.
  if (status === 404 || status === 405)
    return {
      reason,
      fix: `Serve the token endpoint at POST /{tenantId}/oauth2/v2.0/token, or set MDE_AUTH_BASE_URL to the origin that does (${TOKEN_DOC})`,
    };
  if (status === 200) return { reason, fix: `The token endpoint must answer as ${TOKEN_DOC} describes` };
  if (status >= 500)
    return {
      reason,
      fix: `The token endpoint failed (its log may say why); it must answer as ${TOKEN_DOC} describes`,
    };
  return {
    reason,
    fix: `The token endpoint must issue a token to an app registered with POST /_emulator/apps (${TOKEN_DOC})`,
  };
}

// Beyond the clock's whole seconds and a rounded expires_in.
const LIFETIME_SLACK_SECONDS = 60;

// What is wrong with a token the emulator issued, if anything: the suite reads the API's tokens as
// Entra ID issues them, JWTs (AUTH.INVALID re-signs one, AUTH.EXPIRED reads its exp, PERM.NONE its
// roles); an opaque one ended 5 tests on jose's parse errors, read as the suite's own (exit 2). And a
// token whose own exp ends it sooner than expires_in says: the suite renews tokens by expires_in (and
// MSAL caches them by it), so it would send a dead token and fail the API that refused it. A token
// that outlives expires_in harms no client: the suite takes its expired token past either.
export function issuedTokenRefusal(token: Token): Refusal | undefined {
  if (!isJwt(token.accessToken))
    return {
      reason: 'answered 200, but its access_token is not a JWT',
      fix: `Issue JWTs as Entra ID does (header with alg, JSON claims, signature): the suite reads their claims and re-signs them to forge bad tokens (${TOKEN_DOC})`,
    };
  const life = tokenOwnLifetime(token.accessToken);
  if (life === undefined || life >= token.expiresIn - LIFETIME_SLACK_SECONDS) return undefined;
  return {
    reason: `answered 200 with expires_in ${token.expiresIn}, but the token's exp claim ends it ${life} s after its iat`,
    fix: `expires_in must be the token's lifetime on the virtual clock: the suite renews tokens by it (${TOKEN_DOC})`,
  };
}

// Three base64url parts, the first a JSON header naming its alg, the second a JSON object of claims.
function isJwt(token: string): boolean {
  return typeof readJwt(token)?.header['alg'] === 'string';
}
