import type { Answer } from './answer.ts';
import { apiError } from './api-error.ts';
import type { TokenClaims, TokenSigner } from './token-signer.ts';
import type { Variant } from './variants.ts';

export type Authentication = { ok: true; claims: TokenClaims } | { ok: false; answer: Answer };

// Authorization: Bearer <token> (the scheme without case, RFC 9110 11.1). Anything else is a 401
// (docs/contract.md#auth-errors), and so, in one variant, is a token with no role at all; the audience
// and roles are judged later, as 403s.
export async function authenticate(
  authorization: string | undefined,
  signer: TokenSigner,
  variant: Variant,
  nowMs: number,
): Promise<Authentication> {
  if (!authorization?.trim())
    return refuse(variant, nowMs, 'missing', 'The Authorization header is missing: send Bearer <token>');
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match)
    return refuse(variant, nowMs, 'invalid', 'The Authorization scheme is not Bearer: send Bearer <token>');
  const verified = await signer.verify(match[1]!, nowMs);
  if (!verified.ok)
    return refuse(
      variant,
      nowMs,
      'invalid',
      `The access token is not valid (${verified.why}): get a new one`,
    );
  if (verified.claims.roles.length === 0 && variant.rolelessToken === 'unauthenticated')
    return refuse(variant, nowMs, 'invalid', 'The access token has neither a scope nor a roles claim');
  return { ok: true, claims: verified.claims };
}

function refuse(
  variant: Variant,
  nowMs: number,
  why: 'missing' | 'invalid',
  message: string,
): { ok: false; answer: Answer } {
  // www-authenticate: RFC 6750 3.1 names no error when no credential came at all.
  const challenge = why === 'missing' ? 'Bearer realm="mde"' : 'Bearer realm="mde", error="invalid_token"';
  const headers = variant.wwwAuthenticate ? { 'WWW-Authenticate': challenge } : undefined;
  // unauthorized-body: for a credential that is there but bad, a bare 401 or ASP.NET's stock body.
  if (why === 'invalid' && variant.unauthorizedBody === 'bare-for-bad-credentials')
    return { ok: false, answer: { status: 401, ...(headers ? { headers } : {}) } };
  if (why === 'invalid')
    return {
      ok: false,
      answer: {
        status: 401,
        ...(headers ? { headers } : {}),
        json: { Message: 'Authorization has been denied for this request.' },
      },
    };
  return {
    ok: false,
    answer: apiError(variant, nowMs, { status: 401, code: 'Unauthorized' }, message, headers),
  };
}
