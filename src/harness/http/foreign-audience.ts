import { OTHER_RESOURCE_SCOPE } from '../../contract/index.ts';
import { readJwt } from '../identity/jwt-claims.ts';

// The resource whose tokens AUTH.AUDIENCE sends (Azure Resource Manager), as its tokens name it in
// `aud`: the scope without /.default, with or without the trailing slash v1 tokens may carry.
const OTHER_RESOURCE = OTHER_RESOURCE_SCOPE.replace(/\/\.default$/, '');

// Whether a request carried a bearer token issued for that other resource: the API refuses it with a
// 403 (docs/contract.md#audience) whose body is documented nowhere, as a bad token's 401's is not.
export function sentForeignAudience(requestHeaders: Record<string, string>): boolean {
  const token = /^bearer\s+(\S+)$/i.exec(requestHeaders['authorization']?.trim() ?? '')?.[1];
  const aud = token ? readJwt(token)?.claims['aud'] : undefined;
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some((a) => typeof a === 'string' && a.replace(/\/$/, '') === OTHER_RESOURCE);
}
