// What a JWT says of itself, read without checking its signature: the suite reads the tokens it was
// issued or forged for their tenant, audience, roles and lifetime, never to trust them. Undefined
// unless `token` is three dot-separated parts whose first two are base64url JSON objects.
export function readJwt(
  token: string,
): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = jsonObject(parts[0]!);
  const claims = jsonObject(parts[1]!);
  return header && claims ? { header, claims } : undefined;
}

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
