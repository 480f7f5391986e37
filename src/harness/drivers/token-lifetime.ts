// How long an access token says it lives: its `exp` less its `iat` (else `nbf`), in seconds; undefined
// when it is no JWT whose payload reads, or lacks those claims. The token endpoint's expires_in is what
// the suite goes by (docs/interfaces.md#emulator-token-endpoint); this tells when the token disagrees.
export function tokenOwnLifetime(accessToken: string): number | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
      iat?: unknown;
      nbf?: unknown;
    };
    const start = typeof claims?.iat === 'number' ? claims.iat : claims?.nbf;
    if (typeof claims?.exp !== 'number' || typeof start !== 'number') return undefined;
    return claims.exp - start;
  } catch {
    return undefined;
  }
}
