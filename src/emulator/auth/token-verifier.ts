import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { WireError } from '../error-catalogue.ts';
import type { FaultSet } from '../faults.ts';
import type { SigningKey } from './signing-key.ts';

// Who is calling, from a verified token.
export interface Caller {
  tenantId: string;
  appId: string;
  roles: string[];
  audience: unknown;
  // Only the no-auth-allowed fault makes an anonymous caller, who sees every tenant.
  anonymous?: boolean;
}

// Payloads whose signature was already checked; verifying RSA once per token keeps the hot path cheap.
const CACHE_SIZE = 1000;

// Checks an Authorization header the way the API does: Bearer scheme, RS256 signature by this
// emulator's key, issuer, and lifetime on the virtual clock. Every refusal is 401 Unauthorized.
export class TokenVerifier {
  readonly #verified = new Map<string, JWTPayload>();

  constructor(
    private readonly key: SigningKey,
    private readonly clock: VirtualClock,
    private readonly faults: FaultSet,
  ) {}

  async verify(authorization: string): Promise<Caller> {
    const match = /^(\S+)\s+(\S+)\s*$/.exec(authorization);
    if (!match) throw unauthorized('The Authorization header is not "Bearer <token>".');
    // RFC 9110 makes the scheme case-insensitive, so 'bearer' is fine; 'Basic' is not.
    if (match[1]!.toLowerCase() !== 'bearer' && !this.faults.has('scheme-ignored'))
      throw unauthorized(`Authorization scheme "${match[1]}" is not supported; use Bearer.`);
    const payload = await this.#payload(match[2]!);
    return this.#caller(payload);
  }

  async #payload(token: string): Promise<JWTPayload> {
    const cached = this.#verified.get(token);
    if (cached) return cached;
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthorized('The bearer token is not a JWT.');
    }
    if (header.alg === 'none' && this.faults.has('alg-none-accepted')) return decode(token);
    if (this.faults.has('signature-unchecked')) return decode(token);
    try {
      const { payload } = await compactVerify(token, this.key.publicKey, { algorithms: ['RS256'] });
      const claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
      if (this.#verified.size >= CACHE_SIZE) this.#verified.clear();
      this.#verified.set(token, claims);
      return claims;
    } catch {
      throw unauthorized('The bearer token signature is invalid.');
    }
  }

  #caller(claims: JWTPayload): Caller {
    const nowSeconds = this.clock.now() / 1000;
    const { tid, appid, roles, exp, nbf, iss } = claims as JWTPayload & Record<string, unknown>;
    if (typeof tid !== 'string' || typeof appid !== 'string')
      throw unauthorized('The token has no tid or appid claim.');
    if (iss !== `https://sts.windows.net/${tid}/`) throw unauthorized('The token issuer is not trusted.');
    if (typeof exp !== 'number' || typeof nbf !== 'number') throw unauthorized('The token has no lifetime.');
    if (nowSeconds < nbf) throw unauthorized('The token is not valid yet.');
    if (nowSeconds >= exp && !this.faults.has('expiry-unchecked'))
      throw unauthorized('The token has expired.');
    const roleList = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
    return { tenantId: tid.toLowerCase(), appId: appid, roles: roleList, audience: claims.aud };
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
