import { CONTRACT_ROLES, type RolePolicy } from './role-policy.ts';

// How the API authenticates and authorizes: the auth seam. The defaults are the contract; each auth
// fault (faults/auth-faults.ts) changes a field or two. Which roles a call needs is its own file
// (role-policy.ts), one seam still: a fault sets fields of either the same way.
export interface AuthPolicy extends RolePolicy {
  // A call without Authorization: 401, 403, or served as an anonymous caller with every role.
  missingHeader: 'unauthorized' | 'forbidden' | 'anonymous';
  // Schemes other than Bearer (any case) are refused.
  bearerOnly: boolean;
  // Schemes refused by name, as written (case-sensitive), instead of taking Bearer alone: a deny-list
  // of the schemes a client usually sends. Empty: the contract (any scheme but Bearer is refused).
  deniedSchemes: readonly string[];
  // true: a header that is a token alone, with no scheme, is read as a bearer token.
  bareToken: boolean;
  // Schemes read as Bearer beside it, in any case (passport-jwt's old 'JWT'). The contract: none.
  bearerAliases: readonly string[];
  // The RS256 signature by the emulator's key is checked.
  verifySignature: boolean;
  // An unsigned token (alg 'none') is read without a signature.
  acceptUnsigned: boolean;
  // Operations whose tokens are read without a signature check (the contract: none).
  unsignedOperations: readonly string[];
  // Operations that read an unsigned token (alg 'none') whatever acceptUnsigned says (the contract: none).
  unsignedAcceptedOperations: readonly string[];
  // Operations that take any scheme in front of a token whatever bearerOnly says (the contract: none).
  anySchemeOperations: readonly string[];
  // Operations that serve an expired token whatever checkExpiry says (the contract: none).
  expiryUncheckedOperations: readonly string[];
  // true: a token whose kid is not the emulator's key id is decoded without a signature check.
  unknownKidUnverified: boolean;
  checkExpiry: boolean;
  // true: the cache of verified tokens knows a header without its signature, so a token whose signature
  // was changed passes as the one verified before (the contract: the whole header).
  cacheWithoutSignature: boolean;
  // true: a token whose header embeds a public key (jwk) is verified with that key, whoever made it
  // (jose's EmbeddedJWK wired in as the key source). The contract: false (only the API's own keys).
  embeddedJwkTrusted: boolean;
  // true: a token whose header names HS256 is checked as an HMAC keyed with the API's public key, as
  // PEM text (a verifier that takes the header's alg at its word and hands it the key it holds:
  // CVE-2015-9235's algorithm confusion), so anyone who fetched the published key signs tokens. The
  // contract: false (RS256 alone).
  hmacWithPublicKey: boolean;
  // true: a signature once verified is trusted again under any header and claims (a cache of verified
  // signatures that then only decodes the payload), so a token whose claims were changed after signing
  // passes once the original was seen. The contract: false (the signature covers header and claims).
  verifiedSignatureTrusted: boolean;
  // false: a token's expiry is checked when it is first verified, not again on the calls that find it
  // already verified (a cache that keeps a token as good as it was when it came).
  recheckExpiry: boolean;
  // Operations that take a token already verified without checking its expiry again, whatever
  // recheckExpiry says (a read path's own cache of callers; the contract: none).
  unrecheckedExpiryOperations: readonly string[];
  // Above 0: a token verified while valid is kept this many seconds of the clock and served without its
  // expiry checked again (a cache with a lifetime of its own, not the token's exp); then it is verified
  // anew. The contract: 0 (the expiry is checked on every call).
  verifiedCacheSeconds: number;
  // true: an Authorization header naming the Bearer scheme with no token after it is served as an
  // anonymous caller with every role (a guard that validates a token only when one follows the scheme).
  // The contract: false (a malformed header is refused 401).
  emptyBearerAnonymous: boolean;
  // true: a cancel under /api whose token fails verification (forged, expired, under another scheme) is
  // answered 401 but carried out as the caller its claims name (a guard that writes its 401 and lets
  // the handler run on). The contract: false (a refused call changes nothing).
  refusedTokenRunsCancel: boolean;
  // true: a cancel under /api whose token is valid but for another resource is answered 403 but carried
  // out as the caller it names (an audience filter that writes its 403 and lets the handler run on).
  // The contract: false (a refused call changes nothing).
  foreignAudienceRunsCancel: boolean;
  // Not null: a token whose aud is an https URL whose host ends with this suffix counts as one for the
  // API, beside the contract's audiences (a check written to take the API's hosts, regional ones too,
  // by their domain). The contract: null (docs/contract.md#audience names the audiences).
  audienceHostSuffix: string | null;
  // A token issued for another audience: 403 (docs/contract.md#audience), 401, or accepted.
  wrongAudience: 'forbidden' | 'unauthorized' | 'accepted';
  // Operations that serve a token of any audience whatever wrongAudience says (the contract: none).
  anyAudienceOperations: readonly string[];
  // Operations whose calls without Authorization are served as an anonymous caller with every role
  // (the contract: none; missingHeader 'anonymous' serves every operation so).
  anonymousOperations: readonly string[];
  // The same under /api/v1.0 alone (a versioned route left without the guard; the contract: none).
  versionedAnonymousOperations: readonly string[];
  // true: under /api/v1.0 alone a call without Authorization answers 403 Forbidden (a versioned
  // route whose guard words the refusal apart; the contract: false, 401 as under /api).
  versionedMissingForbidden: boolean;
  // Operations that serve a token of any audience under /api/v1.0 alone (the contract: none).
  versionedAnyAudienceOperations: readonly string[];
  // true: under /api/v1.0 alone a token is only decoded, whatever its scheme, signature or lifetime (a
  // versioned route that reads the tenant off the token without validating it; the contract: false).
  versionedUnverifiedTokens: boolean;
  // The same for these operations alone (a versioned route of its own, say the cancel's; the contract: none).
  versionedUnverifiedOperations: readonly string[];
  // Operations that, called without Authorization, look their id up before they authenticate: an id
  // no tenant holds answers 404 NotFound, one that exists 401 (a lookup that tells a stranger which
  // ids exist). The contract: none (authentication comes first, whatever the id).
  lookupBeforeMissingHeader: readonly string[];
  // Operations that, called without Authorization, check the state of the action their id names before
  // they authenticate: one in a final state answers 400 BadRequest (a stranger learns it exists and is
  // final), an active one or an unknown id 401. The contract: none.
  stateBeforeMissingHeader: readonly string[];
  // true: a cancel without Authorization of an action InProgress (in any tenant) is served as an
  // anonymous caller with every role (a running action's cancel handed to its device by a channel left
  // without the guard); one of a Pending or final action answers 401. The contract: false.
  anonymousRunningCancel: boolean;
  // Operations (by id) answered from a response cache in front of the guard under /api: a call whose
  // path names an action some caller has been served before is answered as that caller was, whatever
  // its own Authorization (a cache keyed by the path, refreshed when the action changes). The contract:
  // none (every call is authenticated).
  cachedBeforeAuth: readonly string[];
}

export const CONTRACT_AUTH: AuthPolicy = {
  ...CONTRACT_ROLES,
  missingHeader: 'unauthorized',
  bearerOnly: true,
  deniedSchemes: [],
  bareToken: false,
  bearerAliases: [],
  verifySignature: true,
  acceptUnsigned: false,
  unknownKidUnverified: false,
  unsignedOperations: [],
  unsignedAcceptedOperations: [],
  anySchemeOperations: [],
  expiryUncheckedOperations: [],
  checkExpiry: true,
  cacheWithoutSignature: false,
  verifiedSignatureTrusted: false,
  embeddedJwkTrusted: false,
  hmacWithPublicKey: false,
  recheckExpiry: true,
  unrecheckedExpiryOperations: [],
  verifiedCacheSeconds: 0,
  emptyBearerAnonymous: false,
  refusedTokenRunsCancel: false,
  foreignAudienceRunsCancel: false,
  audienceHostSuffix: null,
  wrongAudience: 'forbidden',
  anyAudienceOperations: [],
  anonymousOperations: [],
  versionedAnonymousOperations: [],
  versionedMissingForbidden: false,
  versionedAnyAudienceOperations: [],
  versionedUnverifiedTokens: false,
  versionedUnverifiedOperations: [],
  lookupBeforeMissingHeader: [],
  stateBeforeMissingHeader: [],
  anonymousRunningCancel: false,
  cachedBeforeAuth: [],
};
