import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { NotApplicableError } from '../errors.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { sendRaw, WireLoss } from '../http/raw-request.ts';

// The signing keys an authority publishes (OpenID Connect discovery: Entra ID's, and the reference
// emulator's, at /common/discovery/keys): public by design, so AUTH.INVALID signs a forgery with one as
// an HMAC secret, as an attacker would. Where none can be read the forgery cannot be made: N/A, since
// discovery is no part of what an emulator must serve (docs/interfaces.md#emulator-surface).
export async function publishedSigningKeys(
  authBaseUrl: string,
  timeoutMs: number,
  ca?: string,
): Promise<JsonWebKey[]> {
  const url = `${authBaseUrl.replace(/\/+$/, '')}/common/discovery/keys`;
  const none = (why: string) =>
    new NotApplicableError(
      `the target's authority publishes no signing key to forge an HMAC with: GET ${url} ${why}`,
    );
  let answer: Awaited<ReturnType<typeof sendRaw>>;
  try {
    answer = await sendRaw({
      url,
      method: 'GET',
      headers: { accept: 'application/json' },
      timeoutMs,
      ...(ca ? { ca } : {}),
    });
  } catch (error) {
    throw none(error instanceof WireLoss ? error.message : describeFetchError(error));
  }
  let keys: unknown;
  try {
    keys = (JSON.parse(answer.text) as { keys?: unknown }).keys;
  } catch {
    keys = undefined;
  }
  const rsa = Array.isArray(keys) ? (keys as JsonWebKey[]).filter(usableRsaKey) : [];
  if (answer.status !== 200 || rsa.length === 0)
    throw none(`answered ${answer.status} with no RSA key in "keys"`);
  return rsa;
}

// An RSA public key can be made of it: one that cannot (no exponent) would stop the forgery with a
// TypeError, an ERROR, where the authority only published nothing to forge with.
function usableRsaKey(key: JsonWebKey): boolean {
  if (key?.kty !== 'RSA' || typeof key.n !== 'string') return false;
  try {
    createPublicKey({ key, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}
