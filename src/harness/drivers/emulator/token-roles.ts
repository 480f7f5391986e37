import { readJwt } from '../../identity/jwt-claims.ts';

// The roles an access token carries: its `roles` claim, none when it has no such claim (as Entra ID
// leaves it out for an app without roles); undefined when the token is no JWT whose payload reads.
export function tokenRoles(accessToken: string): string[] | undefined {
  const claims = readJwt(accessToken)?.claims;
  if (!claims) return undefined;
  const roles = claims['roles'];
  if (roles === undefined) return [];
  return Array.isArray(roles) && roles.every((r) => typeof r === 'string') ? roles : undefined;
}

// Whether two sets of roles differ, whatever their order.
export function rolesDiffer(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size !== right.size || [...left].some((role) => !right.has(role));
}
