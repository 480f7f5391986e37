import type { AuthFault } from './fault-entry.ts';

// Faults of a token's own checks: its signature, its algorithm, its key and its expiry (the auth seam:
// auth/auth-policy.ts). Listed among the other authentication faults (auth-faults.ts).
export const TOKEN_FAULTS = [
  {
    name: 'signature-unchecked',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description: 'Token signatures are not checked (claims still are).',
    auth: { verifySignature: false },
  },
  {
    name: 'signature-unchecked-on-reads',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description: "A GET or a list reads a token's claims without checking its signature; a cancel checks it.",
    auth: { unsignedOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    name: 'alg-none-accepted',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description: "Unsigned tokens (alg 'none') are accepted when their claims are valid.",
    auth: { acceptUnsigned: true },
  },
  {
    name: 'alg-none-accepted-on-reads',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      "A GET or a list accepts an unsigned token (alg 'none') with valid claims; a cancel refuses it.",
    auth: { unsignedAcceptedOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    name: 'unknown-kid-unverified',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      'A token whose kid names no key of the API is read without checking its signature (a key lookup that falls back to decoding); one under the right kid is checked.',
    auth: { unknownKidUnverified: true },
  },
  {
    name: 'tampered-signature-cached',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      'A token seen before with a good signature is accepted again with its signature changed (a cache of verified tokens keyed without the signature); a new token is checked.',
    auth: { cacheWithoutSignature: true },
  },
  {
    name: 'expiry-unchecked',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description: 'Expired tokens are accepted.',
    auth: { checkExpiry: false },
  },
  {
    name: 'expiry-unchecked-on-reads',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description: 'A GET or a list serves an expired token; a cancel with one answers 401.',
    auth: { expiryUncheckedOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    name: 'expiry-checked-once',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description:
      'A token used while valid stays accepted after it expires: its expiry is checked only the first time it is seen.',
    auth: { recheckExpiry: false },
  },
  {
    name: 'expiry-checked-once-on-reads',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description:
      'A GET or a list takes a token used while valid after it expires (a read path that keeps the callers it has verified); a cancel with it answers 401, and so does a read with a token it first sees expired.',
    auth: { unrecheckedExpiryOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
] as const satisfies readonly AuthFault[];
