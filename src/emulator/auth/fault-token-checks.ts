import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';

// Token checks that only auth faults make (auth-policy.ts), kept apart from the verifier's own: the
// contract's verifier never reaches them.

// hmacWithPublicKey: whether `signature` is an HMAC-SHA256 of `input` keyed with the API's public key
// as PEM text, as a verifier handed the key it holds for RS256 checks an HS256 token with it.
export function hmacOfPublicKey(publicKey: KeyObject, input: string, signature: string | undefined): boolean {
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  const expected = createHmac('sha256', pem).update(input).digest();
  const given = Buffer.from(signature ?? '', 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// audienceHostSuffix: whether an aud names an https resource whose host ends with `suffix` (a check
// written to take the API's hosts by their domain).
export function audienceUnderSuffix(aud: unknown, suffix: string | null): boolean {
  if (suffix === null) return false;
  return (Array.isArray(aud) ? aud : [aud]).some((value) => {
    if (typeof value !== 'string' || !URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.endsWith(suffix);
  });
}
