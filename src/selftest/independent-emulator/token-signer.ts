import { randomUUID } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import * as errors from 'jose/errors';
import { SignJWT } from 'jose/jwt/sign';
import { jwtVerify } from 'jose/jwt/verify';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';

export const TOKEN_LIFETIME_SECONDS = 3599;
const NOT_OURS = 'the token is malformed or not signed by this emulator';
// Verified tokens kept at most; a run's tests use a few thousand.
const VERIFIED_KEPT = 10_000;

export interface TokenClaims {
  tenantId: string;
  appId: string;
  roles: string[];
  audience: string;
}

export type Verified = { ok: true; claims: TokenClaims } | { ok: false; why: string };

// RS256 access tokens shaped like Entra ID's v1.0 app tokens (docs/contract.md#token-claims), their
// lifetimes on the virtual clock. The key pair lives as long as the emulator: a reset keeps it.
export class TokenSigner {
  private readonly kid = randomUUID();
  // Made on first use: an instance started for a worker slot that no worker takes never pays for one.
  #keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
  // Tokens whose signature and claims passed, by their text: a test sends one token hundreds of times
  // and an RS256 check costs about 0.3 ms. Their lifetime is judged again on every call's clock.
  readonly #verified = new Map<string, { claims: TokenClaims; nbf: number; exp: number }>();

  private keys() {
    this.#keys ??= generateKeyPair('RS256');
    return this.#keys;
  }

  // The public key as Entra ID publishes its own (a JWK Set at /common/discovery/keys).
  async publishedKeys(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK((await this.keys()).publicKey);
    return { keys: [{ ...jwk, kid: this.kid, use: 'sig', alg: 'RS256' }] };
  }

  async issue(claims: TokenClaims, nowMs: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    const { privateKey } = await this.keys();
    return new SignJWT({
      tid: claims.tenantId,
      appid: claims.appId,
      appidacr: '1',
      idp: issuerOf(claims.tenantId),
      oid: randomUUID(),
      roles: claims.roles,
      ver: '1.0',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setAudience(claims.audience)
      .setIssuer(issuerOf(claims.tenantId))
      .setSubject(claims.appId)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
      .sign(privateKey);
  }

  // Signature, algorithm, lifetime (on the virtual clock, no leeway) and issuer; the audience is left to
  // the caller, because another audience is a 403, not a 401 (docs/contract.md#audience).
  async verify(token: string, nowMs: number): Promise<Verified> {
    const known = this.#verified.get(token);
    if (known) {
      // As jose judges them: expired from the second of exp on, not valid before the second of nbf.
      const now = Math.floor(nowMs / 1000);
      if (known.exp <= now) return { ok: false, why: 'the token has expired' };
      if (known.nbf > now) return { ok: false, why: NOT_OURS };
      return { ok: true, claims: known.claims };
    }
    try {
      const { payload } = await jwtVerify(token, (await this.keys()).publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(nowMs),
        requiredClaims: ['exp', 'tid', 'appid'],
      });
      const { tid, appid, roles, aud, iss, nbf, exp } = payload as Record<string, unknown>;
      if (typeof tid !== 'string' || typeof appid !== 'string' || typeof aud !== 'string')
        return { ok: false, why: 'the token lacks tid, appid or a single aud' };
      if (iss !== issuerOf(tid)) return { ok: false, why: 'the token was issued for another tenant' };
      const granted = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
      const claims = { tenantId: tid, appId: appid, roles: granted, audience: aud };
      if (this.#verified.size >= VERIFIED_KEPT) this.#verified.clear();
      this.#verified.set(token, {
        claims,
        nbf: typeof nbf === 'number' ? nbf : Number.NEGATIVE_INFINITY,
        exp: exp as number,
      });
      return { ok: true, claims };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, why: 'the token has expired' };
      return { ok: false, why: NOT_OURS };
    }
  }
}

function issuerOf(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}
