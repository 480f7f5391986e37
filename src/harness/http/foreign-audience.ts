import { GRAPH_RESOURCE_SCOPE, OTHER_RESOURCE_SCOPE } from '../../contract/index.ts';
import { readJwt } from '../identity/jwt-claims.ts';

// The resources whose tokens AUTH.AUDIENCE sends (Azure Resource Manager; Microsoft Graph on an
// emulator), as their tokens name them in `aud`: the scope without /.default, with or without the
// trailing slash v1 tokens may carry.
const OTHER_RESOURCES = [OTHER_RESOURCE_SCOPE, GRAPH_RESOURCE_SCOPE].map((scope) =>
  scope.replace(/\/\.default$/, ''),
);

// The tokens this process was issued for that other resource. A tenant's token is opaque to its
// client: where it is no JWT its aud cannot be read, and the driver that asked for it says instead.
const issuedForOtherResource = new Set<string>();

export function rememberOtherResourceToken(token: string): void {
  issuedForOtherResource.add(token);
}

// Whether a request carried a bearer token issued for that other resource: the API refuses it with a
// 403 (docs/contract.md#audience) whose body is documented nowhere, as a bad token's 401's is not.
export function sentForeignAudience(requestHeaders: Record<string, string>): boolean {
  const token = /^bearer\s+(\S+)$/i.exec(requestHeaders['authorization']?.trim() ?? '')?.[1];
  if (token && issuedForOtherResource.has(token)) return true;
  const aud = token ? readJwt(token)?.claims['aud'] : undefined;
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some((a) => typeof a === 'string' && OTHER_RESOURCES.includes(a.replace(/\/$/, '')));
}
