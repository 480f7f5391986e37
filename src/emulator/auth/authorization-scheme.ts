import { WireError } from '../error-catalogue.ts';
import type { AuthPolicy } from './auth-policy.ts';

export interface PresentedToken {
  token: string;
  // Only a Bearer token (or a scheme the auth policy takes for one) is cached once verified.
  isBearer: boolean;
}

// The token an Authorization header presents, or 401 for a header that is not "<scheme> <token>" or
// whose scheme the API refuses, as far as the auth policy (the auth seam) says.
export function presentedToken(
  authorization: string,
  policy: AuthPolicy,
  operationId: string,
): PresentedToken {
  const bearerOnly = policy.bearerOnly && !policy.anySchemeOperations.includes(operationId);
  // The bareToken fault reads a header with no scheme as 'Bearer <header>'.
  const bare = policy.bareToken && /^\S+$/.test(authorization.trim());
  const match = /^(\S+)\s+(\S+)\s*$/.exec(bare ? `Bearer ${authorization.trim()}` : authorization);
  if (!match) throw new WireError('Unauthorized', 'The Authorization header is not "Bearer <token>".');
  // RFC 9110 makes the scheme case-insensitive, so 'bearer' is fine; 'Basic' is not.
  const scheme = match[1]!.toLowerCase();
  const isBearer = scheme === 'bearer' || policy.bearerAliases.some((a) => a.toLowerCase() === scheme);
  // The auth policy may refuse only the schemes it names, compared case-sensitively.
  const denyList = policy.deniedSchemes.length > 0;
  const refused = denyList ? policy.deniedSchemes.includes(match[1]!) : !isBearer && bearerOnly;
  if (refused)
    throw new WireError('Unauthorized', `Authorization scheme "${match[1]}" is not supported; use Bearer.`);
  return { token: match[2]!, isBearer };
}
