import { createPublicKey, X509Certificate } from 'node:crypto';
import type { ControlFederatedCredential } from '../../contract/control-protocol.ts';

// The credentials of an app registration as the control protocol and the seed give them, checked once.
// Every problem is a CredentialInputError whose message says what to send.
export class CredentialInputError extends Error {}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

// Keeps only the certificate: a PEM that also holds the private key (the form MDE_CLIENT_CERTIFICATE_PATH
// takes) is accepted, and the key is dropped here, never stored.
export function certificatePem(value: unknown): string {
  const block = typeof value === 'string' ? CERTIFICATE_BLOCK.exec(value)?.[0] : undefined;
  if (!block)
    throw new CredentialInputError(
      'certificate must be a PEM certificate ("-----BEGIN CERTIFICATE-----..."), the public part only.',
    );
  try {
    new X509Certificate(block);
  } catch {
    throw new CredentialInputError('certificate is not a readable X.509 certificate in PEM form.');
  }
  return `${block}\n`;
}

export function federatedCredentials(value: unknown): ControlFederatedCredential[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new CredentialInputError(
      'federatedCredentials must be a non-empty array of {issuer, subject, audiences, jwks}.',
    );
  return value.map((entry, index) => federatedCredential(entry, `federatedCredentials[${index}]`));
}

function federatedCredential(value: unknown, where: string): ControlFederatedCredential {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CredentialInputError(`${where} must be an object {issuer, subject, audiences, jwks}.`);
  const entry = value as Record<string, unknown>;
  for (const name of ['issuer', 'subject'])
    if (typeof entry[name] !== 'string' || entry[name] === '')
      throw new CredentialInputError(`${where}.${name} must be a non-empty string.`);
  const audiences = entry['audiences'];
  if (!Array.isArray(audiences) || audiences.length === 0 || audiences.some((a) => typeof a !== 'string'))
    throw new CredentialInputError(
      `${where}.audiences must be a non-empty array of strings, e.g. ["api://AzureADTokenExchange"].`,
    );
  return {
    issuer: entry['issuer'] as string,
    subject: entry['subject'] as string,
    audiences: [...(audiences as string[])],
    jwks: jwks(entry['jwks'], `${where}.jwks`),
  };
}

// Public keys only: a JWKS holding a private key is refused rather than stored.
function jwks(value: unknown, where: string): { keys: Record<string, unknown>[] } {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new CredentialInputError(`${where} must be a JWKS, {"keys": [<public JWK>, ...]}.`);
  return {
    keys: keys.map((key, index) => {
      if (typeof key !== 'object' || key === null || 'd' in key)
        throw new CredentialInputError(`${where}.keys[${index}] must be a public JWK (no "d").`);
      try {
        createPublicKey({ key: key as import('node:crypto').JsonWebKey, format: 'jwk' });
      } catch {
        throw new CredentialInputError(`${where}.keys[${index}] is not a usable RSA or EC public JWK.`);
      }
      return { ...(key as Record<string, unknown>) };
    }),
  };
}
