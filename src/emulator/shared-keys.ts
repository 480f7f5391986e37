import {
  createSigningKey,
  exportSigningKey,
  importSigningKey,
  type PortableSigningKey,
  type SigningKey,
} from './auth/signing-key.ts';
import { createTlsCertificate, type TlsCertificate } from './identity/tls-certificate.ts';

// What the emulators of one run share across processes: the signing key, so that a token one issues
// verifies at any, and for HTTPS the certificate their clients trust. Made once and carried as JSON: an
// RSA key costs a fifth of a second to make, a certificate more, and a run may start hundreds of
// emulators in several processes. Loading this module does not load the server.
export interface SharedKeys {
  signingKey: PortableSigningKey;
  tlsCertificate?: TlsCertificate;
}

export async function makeSharedKeys(options: { https: boolean }): Promise<SharedKeys> {
  const [signingKey, tlsCertificate] = await Promise.all([
    createSigningKey().then(exportSigningKey),
    options.https ? createTlsCertificate() : undefined,
  ]);
  return { signingKey, ...(tlsCertificate ? { tlsCertificate } : {}) };
}

// The shared keys as buildApp()'s dependencies.
export interface TakenUpKeys {
  signingKey: SigningKey;
  tlsCertificate?: TlsCertificate;
}

export async function takeUpSharedKeys(keys: SharedKeys): Promise<TakenUpKeys> {
  const signingKey = await importSigningKey(keys.signingKey);
  return { signingKey, ...(keys.tlsCertificate ? { tlsCertificate: keys.tlsCertificate } : {}) };
}
