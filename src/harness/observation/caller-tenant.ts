import type { Exchange } from '../http/exchange.ts';

// The tenant a request was made for: the `tid` claim of its bearer token (Entra's and the emulators'
// tokens carry one). An action exists for the callers of its tenant only: to another tenant's caller
// its id names nothing (docs/contract.md#unknown-id). Undefined when the token says no tenant (not a
// JWT, none sent): such callers are taken for one tenant, as before tenants were told apart.
export function callerTenant(exchange: Pick<Exchange, 'requestHeaders'>): string | undefined {
  const token = /^bearer\s+(\S+)$/i.exec(exchange.requestHeaders['authorization'] ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const { tid } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof tid === 'string' ? tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
