import type { AuthFault } from './fault-entry.ts';
import { TOKEN_FAULTS } from './token-faults.ts';

// Faults of authentication: a missing header, schemes and audiences, and the token's own checks in
// token-faults.ts (the auth seam: auth/auth-policy.ts; which roles may cancel: permission-faults.ts).
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
  ...TOKEN_FAULTS,
  {
    name: 'no-auth-get-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A GET of an action without Authorization is served, in every tenant (a cancel without it is still 401).',
    auth: { anonymousOperations: ['GetMachineAction'] },
  },
  {
    name: 'no-auth-versioned-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A cancel or a GET under /api/v1.0 without Authorization is served, in every tenant (a versioned route left without the guard); under /api it answers 401.',
    auth: { versionedAnonymousOperations: ['CancelMachineAction', 'GetMachineAction'] },
  },
  {
    name: 'no-auth-versioned-list-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'The list under /api/v1.0 without Authorization is served, 200 with an empty collection (a versioned route left without the guard); a cancel or a GET there, and any call under /api, answers 401.',
    auth: { versionedAnonymousOperations: ['ListMachineActions'] },
  },
  {
    name: 'versioned-token-unverified',
    seam: 'auth',
    breaks: ['AUTH.INVALID', 'AUTH.EXPIRED', 'AUTH.SCHEME'],
    description:
      'Under /api/v1.0 a token is only decoded: a forged, expired or scheme-less one is served (a versioned route that reads the tenant off the token); under /api each answers 401.',
    auth: { versionedUnverifiedTokens: true },
  },
  {
    name: 'versioned-cancel-token-unverified',
    seam: 'auth',
    breaks: ['AUTH.INVALID', 'AUTH.EXPIRED', 'AUTH.SCHEME'],
    description:
      'A cancel under /api/v1.0 only decodes its token: a forged, expired or scheme-less one cancels (a versioned cancel route that reads the tenant off the token); a GET or a list there, and every call under /api, answer 401.',
    auth: { versionedUnverifiedOperations: ['CancelMachineAction'] },
  },
  {
    name: 'versioned-list-token-unverified',
    seam: 'auth',
    breaks: ['AUTH.INVALID', 'AUTH.EXPIRED', 'AUTH.SCHEME'],
    description:
      'The list under /api/v1.0 only decodes its token: a forged, expired or scheme-less one is served the tenant it names (a versioned list route that reads the tenant off the token); a cancel or a GET there, and every call under /api, answer 401.',
    auth: { versionedUnverifiedOperations: ['ListMachineActions'] },
  },
  {
    name: 'no-auth-versioned-403',
    seam: 'auth',
    breaks: ['PATH.VERSIONED'],
    description:
      'A call under /api/v1.0 without Authorization answers 403 Forbidden; under /api it answers 401 Unauthorized.',
    auth: { versionedMissingForbidden: true },
  },
  {
    name: 'scheme-ignored',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description: 'Any Authorization scheme is accepted in front of a valid token.',
    auth: { bearerOnly: false },
  },
  {
    name: 'scheme-ignored-on-reads',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description:
      "A GET or a list takes a valid token under any scheme ('Basic <token>'); a cancel refuses it.",
    auth: { anySchemeOperations: ['GetMachineAction', 'ListMachineActions'] },
  },
  {
    name: 'scheme-deny-list',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description:
      "A scheme check that refuses the schemes it names as they are usually written (Basic, Digest, Negotiate, NTLM) and takes a valid token under any other: 'basic <token>' is accepted, 'Basic <token>' and a bare token are refused.",
    auth: { deniedSchemes: ['Basic', 'Digest', 'Negotiate', 'NTLM'] },
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
    // passport-jwt's extractor of old read 'JWT <token>'; a guard that kept it beside Bearer takes both.
    name: 'scheme-jwt-accepted',
    seam: 'auth',
    breaks: ['AUTH.SCHEME'],
    description:
      "A valid token under the scheme 'JWT' (passport-jwt's former default) is accepted as under Bearer; 'Basic <token>', 'basic <token>' and a bare token are refused.",
    auth: { bearerAliases: ['JWT'] },
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
    name: 'audience-unchecked-versioned',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description:
      'A cancel, a GET or a list under /api/v1.0 serves a token issued for another audience; under /api it answers 403.',
    auth: {
      versionedAnyAudienceOperations: ['CancelMachineAction', 'GetMachineAction', 'ListMachineActions'],
    },
  },
  {
    name: 'audience-unchecked-versioned-by-id',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description:
      'A cancel or a GET under /api/v1.0 serves a token issued for another audience; the list there, and every call under /api, answer 403.',
    auth: { versionedAnyAudienceOperations: ['CancelMachineAction', 'GetMachineAction'] },
  },
  {
    name: 'audience-401',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description: 'A token for another audience answers 401 instead of 403.',
    auth: { wrongAudience: 'unauthorized' },
  },
] as const satisfies readonly AuthFault[];
