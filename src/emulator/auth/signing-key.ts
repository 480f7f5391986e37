import { randomUUID } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';
import { importJWK } from 'jose/key/import';

// One RS256 key pair per emulator, made at start; it survives resets so tokens a suite holds stay
// valid until they expire on the virtual clock.
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicKey, publicJwk };
}

// A signing key as data, to start emulators in other processes that publish the same key: the embedded
// emulators of a run start in each Playwright worker, and an RSA key costs a fifth of a second to make.
export interface PortableSigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function exportSigningKey(key: SigningKey): Promise<PortableSigningKey> {
  return { kid: key.kid, privateJwk: await exportJWK(key.privateKey), publicJwk: key.publicJwk };
}

export async function importSigningKey(portable: PortableSigningKey): Promise<SigningKey> {
  const [privateKey, publicKey] = await Promise.all([
    importJWK(portable.privateJwk, 'RS256', { extractable: true }),
    importJWK(portable.publicJwk, 'RS256', { extractable: true }),
  ]);
  if (!('type' in privateKey) || !('type' in publicKey))
    throw new TypeError('An RS256 signing key is an RSA key pair, not a shared secret.');
  return { kid: portable.kid, privateKey, publicKey, publicJwk: portable.publicJwk };
}
