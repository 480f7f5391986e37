import { readJwt } from '../../identity/jwt-claims.ts';

// How long an access token says it lives: its `exp` less its `iat` (else `nbf`), in seconds; undefined
// when it is no JWT whose payload reads, or lacks those claims. The token endpoint's expires_in is what
// the suite goes by (docs/interfaces.md#emulator-token-endpoint); this tells when the token disagrees.
export function tokenOwnLifetime(accessToken: string): number | undefined {
  const claims = readJwt(accessToken)?.claims;
  const start = typeof claims?.['iat'] === 'number' ? claims['iat'] : claims?.['nbf'];
  const exp = claims?.['exp'];
  if (typeof exp !== 'number' || typeof start !== 'number') return undefined;
  return exp - start;
}
