import { createPublicKey, type JsonWebKey, KeyObject, verify as verifyRsa } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { decodeJwt } from 'jose/jwt/decode';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { WireError } from '../error-catalogue.ts';
import type { AuthPolicy } from './auth-policy.ts';
import { presentedToken } from './authorization-scheme.ts';
import { type Caller, type CheckedToken, checkClaims } from './caller.ts';
import { hmacOfPublicKey } from './fault-token-checks.ts';
import type { SigningKey } from './signing-key.ts';

// Tokens whose signature and claims were already checked, with their whole Authorization header; their
// lifetime is still checked on every call. Verifying RSA once per token keeps the hot path cheap.
interface CachedToken extends CheckedToken {
  header: string;
  // Whether it was within its lifetime when first verified: only the auth fault that spares some
  // operations the recheck reads it (a cache of the callers it served).
  liveWhenCached: boolean;
  // When it was verified, on the virtual clock: only the auth fault that keeps tokens for a time of its
  // own reads it.
  cachedAtMs: number;
}
const CACHE_SIZE = 1000;
// The cache is keyed by the header's last characters (RS256 signature bytes), compared in full on a
// hit: hashing a whole header (about a kilobyte, a new string on every call) costs more than the check.
const KEY_CHARS = 24;

// Checks an Authorization header the way the API does: its scheme (authorization-scheme.ts), RS256
// signature by this emulator's key, issuer, and lifetime on the virtual clock, as far as the auth
// policy (the auth seam) says. Every refusal is 401 Unauthorized.
export class TokenVerifier {
  readonly #verified = new Map<string, CachedToken>();
  // The token found last: a client sends one token call after call, and comparing the header with it
  // spares the key's slice and hash (a new string on every call).
  #last: CachedToken | undefined;
  // Signatures verified before: kept only for the auth fault that trusts them again (auth-policy.ts).
  readonly #signatures = new Set<string>();
  // RS256 is checked with node:crypto at once: jose goes through WebCrypto, an asynchronous job per
  // token, which was a tenth of the self-test emulators' time (every test signs in anew).
  readonly #publicKey: KeyObject;
  readonly #kid: string;

  constructor(
    key: SigningKey,
    private readonly clock: VirtualClock,
    private readonly policy: AuthPolicy,
  ) {
    this.#publicKey = KeyObject.from(key.publicKey);
    this.#kid = key.kid;
  }

  // The caller of a token already verified, without waiting (the hot path: the guard stays
  // synchronous); undefined when this header has not been verified yet. Throws when it has expired.
  // `nowMs`: the virtual time the call arrived.
  // `operationId`: the operation called, for the auth faults that spare some operations a check.
  cached(authorization: string, nowMs = this.clock.now(), operationId = ''): Caller | undefined {
    const held = this.#held(authorization);
    let cached = this.#last;
    if (cached?.header !== held) {
      cached = this.#verified.get(held.slice(-KEY_CHARS));
      if (cached?.header !== held) return undefined;
      this.#last = cached;
    }
    if (!this.policy.recheckExpiry) return cached.caller;
    // The auth policy may keep a token verified while valid for a time of its own, then verify it anew.
    const keptMs = this.policy.verifiedCacheSeconds * 1000;
    if (keptMs > 0 && cached.liveWhenCached)
      return nowMs - cached.cachedAtMs < keptMs ? cached.caller : undefined;
    const spared = cached.liveWhenCached && this.policy.unrecheckedExpiryOperations.includes(operationId);
    return spared ? cached.caller : this.#live(cached, nowMs, operationId);
  }

  async verify(authorization: string, operationId = ''): Promise<Caller> {
    const cached = this.cached(authorization, this.clock.now(), operationId);
    if (cached) return cached;
    const policy = this.policy;
    const { token, isBearer } = presentedToken(authorization, policy, operationId);
    const checkSignature = !policy.unsignedOperations.includes(operationId);
    const acceptUnsigned = policy.acceptUnsigned || policy.unsignedAcceptedOperations.includes(operationId);
    const { claims, signed } = await this.#payload(token, checkSignature, acceptUnsigned);
    const checked = checkClaims(claims, this.policy.audienceHostSuffix);
    if (signed && isBearer) {
      if (this.#verified.size >= CACHE_SIZE) {
        this.#verified.clear();
        this.#last = undefined;
      }
      const held = this.#held(authorization);
      const nowSeconds = this.clock.now() / 1000;
      const liveWhenCached = nowSeconds >= checked.nbf && nowSeconds < checked.exp;
      const entry = { ...checked, header: held, liveWhenCached, cachedAtMs: this.clock.now() };
      this.#verified.set(held.slice(-KEY_CHARS), entry);
      if (this.#last?.header === held) this.#last = entry;
    }
    return this.#live(checked, this.clock.now(), operationId);
  }

  // The caller a token names, read without checking its scheme, signature or lifetime: only for the
  // auth fault that lets a versioned route skip validation (auth-policy.ts).
  unverified(authorization: string): Caller {
    const token = authorization.trim().split(/\s+/).pop() ?? '';
    return checkClaims(decode(token), this.policy.audienceHostSuffix).caller;
  }

  async #payload(
    token: string,
    checkSignature: boolean,
    acceptUnsigned: boolean,
  ): Promise<{ claims: JWTPayload; signed: boolean }> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthorized('The bearer token is not a JWT.');
    }
    if (header.alg === 'none' && acceptUnsigned) return { claims: decode(token), signed: false };
    if (!this.policy.verifySignature || !checkSignature) return { claims: decode(token), signed: false };
    if (this.policy.unknownKidUnverified && header.kid !== this.#kid)
      return { claims: decode(token), signed: false };
    const [head, body, signature, ...rest] = token.split('.');
    if (this.policy.hmacWithPublicKey && header.alg === 'HS256') {
      if (rest.length > 0 || !hmacOfPublicKey(this.#publicKey, `${head}.${body}`, signature))
        throw unauthorized('The bearer token signature is invalid.');
      return { claims: decode(token), signed: true };
    }
    if (this.policy.verifiedSignatureTrusted && signature && this.#signatures.has(signature))
      return { claims: decode(token), signed: false };
    const valid =
      header.alg === 'RS256' &&
      header.crit === undefined &&
      signature !== undefined &&
      rest.length === 0 &&
      verifyRsa(
        'sha256',
        Buffer.from(`${head}.${body}`),
        this.#keyFor(header),
        Buffer.from(signature, 'base64url'),
      );
    if (!valid) throw unauthorized('The bearer token signature is invalid.');
    if (this.policy.verifiedSignatureTrusted) {
      if (this.#signatures.size >= CACHE_SIZE) this.#signatures.clear();
      this.#signatures.add(signature);
    }
    return { claims: decode(token), signed: true };
  }

  // The API's own key; only the auth fault that trusts an embedded jwk takes the header's (auth-policy.ts).
  #keyFor(header: ReturnType<typeof decodeProtectedHeader>): KeyObject {
    if (!this.policy.embeddedJwkTrusted || header.jwk === undefined) return this.#publicKey;
    try {
      return createPublicKey({ key: header.jwk as JsonWebKey, format: 'jwk' });
    } catch {
      throw unauthorized('The embedded key is not a public key.');
    }
  }

  // What the cache knows a header by: all of it, or (the cacheWithoutSignature fault) all but the
  // signature, so that a header with another signature over the same token finds it.
  #held(authorization: string): string {
    if (!this.policy.cacheWithoutSignature) return authorization;
    return authorization.slice(0, authorization.lastIndexOf('.'));
  }

  #live(token: CheckedToken, nowMs: number, operationId: string): Caller {
    const nowSeconds = nowMs / 1000;
    if (nowSeconds < token.nbf) throw unauthorized('The token is not valid yet.');
    const checkExpiry =
      this.policy.checkExpiry && !this.policy.expiryUncheckedOperations.includes(operationId);
    if (nowSeconds >= token.exp && checkExpiry) throw unauthorized('The token has expired.');
    return token.caller;
  }
}

function decode(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch {
    throw unauthorized('The bearer token is not a JWT.');
  }
}

function unauthorized(detail: string): WireError {
  return new WireError('Unauthorized', detail);
}
