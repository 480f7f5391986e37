import { generateKeyPairSync } from 'node:crypto';

// A throw-away RSA private key in PEM, for tests that plant or configure one. Made on first use and
// kept for the test process: made when a test file loaded, it cost every listing of the unit tests
// (Playwright loads each file to list it) a fifth of a second per file.
let pem: string | undefined;

export function privateKeyPem(): string {
  pem ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return pem;
}
