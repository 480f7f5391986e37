import { createHash, createPublicKey, randomUUID, X509Certificate } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

// Throwaway credentials for the identity tests: a client certificate with its key, and an identity
// provider (an issuer with a signing key and a JWKS) whose tokens an app may trust.

export interface ClientCertificate {
  cert: string;
  key: string;
  // Upper-case hex thumbprints, as the portal and msal-node's clientCertificate take them.
  sha1: string;
  sha256: string;
}

// The emulator refuses a certificate outside its dates on its virtual clock, which the tests pin to
// 2026-01-05 (emulator-fixture.ts) or leave at real time: by default the dates cover both.
const VALID_FROM = new Date(Date.UTC(2025, 0, 1));
const YEAR_MS = 365 * 24 * 3_600_000;

// `options.key`: the private key of another certificate, for one of other dates without making a key.
export async function clientCertificate(
  cn = 'automation',
  options: { from?: Date; to?: Date; key?: string } = {},
): Promise<ClientCertificate> {
  // Loaded here, not with the file: listing the unit tests then loads no certificate library.
  const { generate } = await import('selfsigned');
  const keyPair = options.key && {
    privateKey: options.key,
    publicKey: createPublicKey(options.key).export({ type: 'spki', format: 'pem' }).toString(),
  };
  const pems = await generate([{ name: 'commonName', value: cn }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: options.from ?? VALID_FROM,
    notAfterDate: options.to ?? new Date(Date.now() + YEAR_MS),
    ...(keyPair ? { keyPair } : {}),
  });
  const der = new X509Certificate(pems.cert).raw;
  const hex = (hash: string) => createHash(hash).update(der).digest('hex').toUpperCase();
  // selfsigned ends its PEMs without a newline; a file of both needs one between them.
  return {
    cert: `${pems.cert.trim()}\n`,
    key: `${pems.private.trim()}\n`,
    sha1: hex('sha1'),
    sha256: hex('sha256'),
  };
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface IdentityProvider {
  issuer: string;
  jwks: { keys: Record<string, unknown>[] };
  // A token of this issuer: iss, iat, nbf, exp (10 minutes) and jti are filled in.
  sign(claims: JWTPayload, options?: { nowMs?: number }): Promise<string>;
}

export async function identityProvider(
  issuer = GITHUB_ISSUER,
  kid: string = randomUUID(),
): Promise<IdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    issuer,
    jwks: { keys: [jwk] },
    async sign(claims, { nowMs = Date.now() } = {}) {
      const iat = Math.floor(nowMs / 1000);
      return new SignJWT({ iss: issuer, iat, nbf: iat, exp: iat + 600, jti: randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .sign(privateKey);
    },
  };
}
