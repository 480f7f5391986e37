import type { JWTPayload } from 'jose';
import { WireError } from '../error-catalogue.ts';
import { isApiAudience } from './audiences.ts';
import { audienceUnderSuffix } from './fault-token-checks.ts';

// Who is calling, from a verified token.
export interface Caller {
  tenantId: string;
  appId: string;
  roles: string[];
  // The token was issued for this API (docs/contract.md#audience); otherwise the guard answers 403.
  audienceOk: boolean;
  // Only an auth policy that serves calls without Authorization makes one; it sees every tenant.
  anonymous?: boolean;
  // The token's own id (its uti claim): only a throttle fault that counts per token reads it.
  tokenId?: string;
}

export interface CheckedToken {
  caller: Caller;
  nbf: number;
  exp: number;
}

// The caller a token's claims name, with its lifetime; throws 401 when a claim the API needs is missing
// or the issuer is not the tenant's.
export function checkClaims(claims: JWTPayload, audienceHostSuffix: string | null): CheckedToken {
  const { tid, appid, roles, exp, nbf, iss, uti } = claims as JWTPayload & Record<string, unknown>;
  if (typeof tid !== 'string' || typeof appid !== 'string')
    throw unauthorized('The token has no tid or appid claim.');
  if (iss !== `https://sts.windows.net/${tid}/`) throw unauthorized('The token issuer is not trusted.');
  if (typeof exp !== 'number' || typeof nbf !== 'number') throw unauthorized('The token has no lifetime.');
  const roleList = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  const caller = {
    tenantId: tid.toLowerCase(),
    appId: appid,
    roles: roleList,
    audienceOk: isApiAudience(claims.aud) || audienceUnderSuffix(claims.aud, audienceHostSuffix),
    ...(typeof uti === 'string' ? { tokenId: uti } : {}),
  };
  return { caller, nbf, exp };
}

function unauthorized(detail: string): WireError {
  return new WireError('Unauthorized', detail);
}
