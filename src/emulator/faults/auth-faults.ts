import type { AuthFault } from './fault-entry.ts';

// Faults of authentication and authorization (the auth seam: auth/auth-policy.ts).
export const AUTH_FAULTS = [
  {
    name: 'no-auth-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description: 'A call without Authorization is served, with every role, in every tenant.',
    auth: { missingHeader: 'anonymous' },
  },
  {
    name: 'no-auth-403',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description: 'A call without Authorization answers 403 Forbidden instead of 401.',
    auth: { missingHeader: 'forbidden' },
  },
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
    name: 'unknown-kid-unverified',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      'A token whose kid names no key of the API is read without checking its signature (a key lookup that falls back to decoding); one under the right kid is checked.',
    auth: { unknownKidUnverified: true },
  },
  {
    name: 'expiry-unchecked',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description: 'Expired tokens are accepted.',
    auth: { checkExpiry: false },
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
    name: 'no-auth-get-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A GET of an action without Authorization is served, in every tenant (a cancel without it is still 401).',
    auth: { anonymousOperations: ['GetMachineAction'] },
  },
  {
    name: 'scheme-ignored',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description: 'Any Authorization scheme is accepted in front of a valid token.',
    auth: { bearerOnly: false },
  },
  {
    name: 'bare-token-accepted',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description:
      "An Authorization header holding a valid token with no scheme is accepted (a parser that only strips a leading 'Bearer '); 'Basic <token>' is still refused.",
    auth: { bareToken: true },
  },
  {
    name: 'audience-unchecked',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description: 'Tokens for any audience are accepted.',
    auth: { wrongAudience: 'accepted' },
  },
  {
    name: 'audience-unchecked-on-reads',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description:
      'A GET or a list serves a token issued for another audience; a cancel with one still answers 403.',
    auth: { anyAudienceOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    name: 'audience-401',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description: 'A token for another audience answers 401 instead of 403.',
    auth: { wrongAudience: 'unauthorized' },
  },
  {
    name: 'role-refused-liveresponse',
    seam: 'auth',
    breaks: ['PERM.ROLES'],
    description: 'Machine.LiveResponse alone is refused on cancel (403).',
    auth: { cancelRolesRefused: ['Machine.LiveResponse'] },
  },
  {
    name: 'read-only-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: 'Machine.Read.All alone is allowed to cancel.',
    auth: { cancelRolesAdded: ['Machine.Read.All'] },
  },
  {
    name: 'read-write-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: 'Machine.ReadWrite.All alone is allowed to cancel (it is no action role).',
    auth: { cancelRolesAdded: ['Machine.ReadWrite.All'] },
  },
  {
    name: 'no-roles-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A token holding no role at all is allowed to cancel; one holding only a read role is refused.',
    auth: { rolelessCancel: true },
  },
  {
    name: 'forbidden-wrong-code',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: "A token without a needed role answers 403 with code 'Unauthorized'.",
    auth: { forbiddenCode: 'Unauthorized' },
  },
] as const satisfies readonly AuthFault[];
