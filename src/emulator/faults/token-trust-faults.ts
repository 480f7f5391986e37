import type { AuthFault } from './fault-entry.ts';

// Faults of what a verifier trusts besides a signature it checks over the whole token with the API's
// own key (the auth seam: auth/auth-policy.ts): a signature seen before, a key the token brings along.
export const TOKEN_TRUST_FAULTS = [
  {
    name: 'verified-signature-trusted',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      'A signature verified once is trusted again under any claims: a token whose claims (roles, tenant) were changed after signing is accepted once the original was seen.',
    auth: { verifiedSignatureTrusted: true },
  },
  {
    name: 'embedded-jwk-trusted',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      "A token whose header embeds a public key (jwk) is verified with that key, so anyone's self-signed token is accepted; one without is checked against the API's key.",
    auth: { embeddedJwkTrusted: true },
  },
  {
    // CVE-2015-9235's kind: the API's key is published (OpenID Connect discovery), so an HMAC keyed
    // with it is anyone's to make. The suite's forgeries kept RS256 or dropped the signature.
    name: 'hmac-keyed-with-public-key',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      "A token whose header names HS256 is verified as an HMAC keyed with the API's published public key (its PEM text), so anyone can sign one; RS256 tokens are checked against the key as they should be.",
    auth: { hmacWithPublicKey: true },
  },
] as const satisfies readonly AuthFault[];
