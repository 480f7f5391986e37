import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { AppRegistration } from '../state/app-registry.ts';
import type { SigningKey } from './signing-key.ts';

// Entra ID access tokens lived 3599 s in the documented answer (docs/contract.md#token-endpoint).
export const TOKEN_LIFETIME_SECONDS = 3599;

// appidacr: how the app signed in, as Entra ID writes it in v1.0 tokens ('1' a client secret, '2' a
// certificate or another client assertion).
export type SignInKind = 'secret' | 'certificate' | 'federated';

// Signs a v1.0 app token shaped like the real one (docs/contract.md#token-claims), on the virtual clock.
export async function issueAccessToken(
  key: SigningKey,
  clock: VirtualClock,
  app: AppRegistration,
  audience: string,
  signIn: SignInKind = 'secret',
): Promise<string> {
  const iat = Math.floor(clock.now() / 1000);
  const issuer = `https://sts.windows.net/${app.tenantId}/`;
  return new SignJWT({
    aud: audience,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    appid: app.clientId,
    appidacr: signIn === 'secret' ? '1' : '2',
    idp: issuer,
    oid: app.clientId,
    roles: app.roles,
    sub: app.clientId,
    tid: app.tenantId,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '1.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}
