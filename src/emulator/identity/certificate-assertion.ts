import { createHash, X509Certificate } from 'node:crypto';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { compactVerify } from 'jose/jws/compact/verify';
import type { AppRegistration } from '../state/app-registry.ts';
import { CERTIFICATE_DOCS, requireClaims, requireWithinLifetime } from './assertion-claims.ts';
import { audienceMatches } from './authority.ts';
import { EntraRefusal } from './entra-error.ts';

// A client assertion signed with the app's certificate (learn.microsoft.com/entra/identity-platform/
// certificate-credentials): the header names the certificate by x5t#S256 (msal-node, @azure/identity:
// PS256) or x5t (older libraries, MSAL for Python: RS256); iss = sub = client id, aud = the token
// endpoint, exp/nbf, jti.

const ALGORITHMS = ['RS256', 'PS256'];

export interface CertificateCheck {
  app: AppRegistration;
  audiences: string[];
  nowMs: number;
}

export async function verifyCertificateAssertion(
  jwt: string,
  header: ProtectedHeaderParameters,
  claims: JWTPayload,
  { app, audiences, nowMs }: CertificateCheck,
): Promise<void> {
  if (!ALGORITHMS.includes(String(header.alg)))
    throw new EntraRefusal(
      'assertionAlgorithm',
      `Invalid JWT token. '${header.alg}' is not a supported signature algorithm. Supported signing ` +
        `algorithms are: '${ALGORITHMS.join(',')}'`,
    );
  const named = thumbprintOf(header);
  if (!named)
    throw new EntraRefusal(
      'assertionWithoutThumbprint',
      'Invalid JWT token. No certificate SHA-1 thumbprint, certificate SHA-256 thumbprint, nor keyId ' +
        'specified in token header.',
    );
  const certificate = app.certificate ? new X509Certificate(app.certificate) : undefined;
  const used = `Thumbprint of key used by client: '${named.hex}'`;
  if (
    !certificate ||
    createHash(named.hash).update(certificate.raw).digest('hex').toUpperCase() !== named.hex
  )
    throw new EntraRefusal(
      'invalidSignature',
      `Client assertion contains an invalid signature. [Reason - The key was not found., ${used}, Please ` +
        `visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
    );
  requireCertificateValid(certificate, nowMs, used, app.clientId);
  try {
    await compactVerify(jwt, certificate.publicKey, { algorithms: ALGORITHMS });
  } catch {
    throw new EntraRefusal(
      'invalidSignature',
      'Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to ' +
        `verify the signature failed., ${used}, Found key '${validity(certificate)}']`,
    );
  }
  requireClaims(claims, ['aud', 'exp', 'jti', 'sub']);
  if (String(claims.sub).toLowerCase() !== app.clientId.toLowerCase())
    throw new EntraRefusal(
      'assertionClientMismatch',
      `Client assertion application identifier doesn't match 'client_id' parameter. ${CERTIFICATE_DOCS}`,
    );
  if (!audienceMatches(claims.aud, audiences))
    throw new EntraRefusal(
      'assertionAudience',
      `Client assertion audience claim does not match Realm issuer. ${CERTIFICATE_DOCS}`,
    );
  requireWithinLifetime(claims, nowMs);
}

// Entra refuses a key outside its validity with the signature's code (AADSTS700027) and "The key used is
// expired." (seen in microsoft/azure-tools-for-java#2785); the not-yet-valid wording is the emulator's.
// Read on the virtual clock, without skew: the dates are the certificate's own.
function requireCertificateValid(
  certificate: X509Certificate,
  nowMs: number,
  used: string,
  clientId: string,
) {
  const reason =
    nowMs > Date.parse(certificate.validTo)
      ? 'The key used is expired.'
      : nowMs < Date.parse(certificate.validFrom)
        ? 'The key used is not yet valid.'
        : undefined;
  if (reason)
    throw new EntraRefusal(
      'invalidSignature',
      `Client assertion contains an invalid signature. [Reason - ${reason}, ${used}, Found key ` +
        `'${validity(certificate)}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph ` +
        `to see configured keys for app Id '${clientId}'.]`,
    );
}

// The thumbprint as Entra prints it (upper-case hex), from x5t#S256 (SHA-256) or else x5t (SHA-1).
function thumbprintOf(
  header: ProtectedHeaderParameters,
): { hash: 'sha256' | 'sha1'; hex: string } | undefined {
  const sha256 = header['x5t#S256'];
  const sha1 = header.x5t;
  const [hash, value] =
    typeof sha256 === 'string' ? (['sha256', sha256] as const) : (['sha1', sha1] as const);
  if (typeof value !== 'string' || value === '') return undefined;
  return { hash, hex: Buffer.from(value, 'base64url').toString('hex').toUpperCase() };
}

// Entra's "Start=01/05/2026 09:00:00, End=01/05/2027 09:00:00" (en-US, UTC).
function validity(certificate: X509Certificate): string {
  const format = (text: string) => {
    const d = new Date(text);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  return `Start=${format(certificate.validFrom)}, End=${format(certificate.validTo)}`;
}
