import type { Exchange } from '../http/exchange.ts';
import { readJwt } from '../identity/jwt-claims.ts';

// The tenant a request was made for: the `tid` claim of its bearer token (Entra's and the emulators'
// tokens carry one). An action exists for the callers of its tenant only: to another tenant's caller
// its id names nothing (docs/contract.md#unknown-id). Undefined when the token says no tenant (not a
// JWT, none sent): such callers are all taken for one tenant.
export function callerTenant(exchange: Pick<Exchange, 'requestHeaders'>): string | undefined {
  const token = /^bearer\s+(\S+)$/i.exec(exchange.requestHeaders['authorization'] ?? '')?.[1];
  const tid = token ? readJwt(token)?.claims['tid'] : undefined;
  return typeof tid === 'string' ? tid.toLowerCase() : undefined;
}
