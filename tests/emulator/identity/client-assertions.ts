import { randomUUID } from 'node:crypto';
import { importPKCS8, type JWTPayload, SignJWT } from 'jose';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { type Emu, START_MS, TENANT } from '../emulator-fixture.ts';
import { type ClientCertificate, EXCHANGE_AUDIENCE, type IdentityProvider } from './test-credentials.ts';

// Client assertions at the token endpoint (docs/interfaces.md#client-assertions), driven with inject()
// on a pinned clock: a certificate assertion (the app signs, iss = sub = client id) and a federated
// token (another issuer signs, matched against the app's federated credentials). What the
// client-assertions-*.spec.ts files send, and how.

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
// inject() calls the emulator as http://localhost:80, so that is its token endpoint.
export const TOKEN_ENDPOINT = `http://localhost:80/${TENANT}/oauth2/v2.0/token`;
export const NOW = Math.floor(START_MS / 1000);

export interface AssertionOptions {
  alg?: string;
  sha1?: boolean;
  key?: string;
  header?: Record<string, unknown>;
  certificate?: ClientCertificate;
}

// A certificate assertion as msal-node makes one (PS256 + x5t#S256), or as older libraries do (RS256 + x5t),
// for cert-app and signed with the key of `certificate` unless the options say otherwise.
export async function certificateAssertionOf(
  certificate: ClientCertificate,
  claims: JWTPayload = {},
  options: AssertionOptions = {},
) {
  const alg = options.alg ?? (options.sha1 ? 'RS256' : 'PS256');
  const named = options.certificate ?? certificate;
  const thumbprint = options.sha1
    ? { x5t: Buffer.from(named.sha1, 'hex').toString('base64url') }
    : { 'x5t#S256': Buffer.from(named.sha256, 'hex').toString('base64url') };
  const claimsOf = {
    aud: TOKEN_ENDPOINT,
    iss: 'cert-app',
    sub: 'cert-app',
    jti: randomUUID(),
    nbf: NOW,
    exp: NOW + 600,
  };
  return new SignJWT({ ...claimsOf, ...claims })
    .setProtectedHeader({ alg, typ: 'JWT', ...thumbprint, ...options.header })
    .sign(await importPKCS8(options.key ?? certificate.key, alg));
}

// The subject of the federated tokens the tests sign: a GitHub Actions workflow's.
export const SUBJECT = 'repo:contoso/response-automation:ref:refs/heads/main';

// fed-app, a read-only app that trusts `provider`'s tokens for SUBJECT, as Entra's token exchange does.
export async function registerFederatedApp(emu: Emu, provider: IdentityProvider): Promise<number> {
  const app = {
    tenantId: TENANT,
    roles: ['Machine.Read.All'],
    clientId: 'fed-app',
    federatedCredentials: [
      { issuer: provider.issuer, subject: SUBJECT, audiences: [EXCHANGE_AUDIENCE], jwks: provider.jwks },
    ],
  };
  return (await emu.control('POST', '/apps', app)).statusCode;
}

// cert-app, a read-only app that signs in with `certificate`.
export async function registerCertApp(emu: Emu, certificate: ClientCertificate): Promise<number> {
  const app = {
    tenantId: TENANT,
    roles: ['Machine.Read.All'],
    clientId: 'cert-app',
    certificate: certificate.cert,
  };
  return (await emu.control('POST', '/apps', app)).statusCode;
}

export function exchange(emu: Emu, clientId: string, assertion: string, type = JWT_BEARER) {
  return emu.requestToken(TENANT, {
    client_id: clientId,
    client_assertion_type: type,
    client_assertion: assertion,
    scope: DEFAULT_SCOPE,
  });
}
