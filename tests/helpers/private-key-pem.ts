import { generateKeyPairSync } from 'node:crypto';

// A throw-away RSA private key in PEM, for tests that plant or configure one. Made on first use, not
// when a file loads: made at load, it cost every listing of the unit tests (Playwright loads each file
// to list it) a fifth of a second per file. One key per name, and each test that relies on redaction
// by shape names its own: redaction remembers every secret it was shown for the whole process, so a
// shared key could let one test's redaction pass on what another test registered.
const keys = new Map<string, string>();

export function privateKeyPem(name: string): string {
  let pem = keys.get(name);
  if (!pem) {
    pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    keys.set(name, pem);
  }
  return pem;
}
