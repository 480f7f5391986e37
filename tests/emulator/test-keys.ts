import { type BuildDependencies, createSigningKey, createTlsCertificate } from '../../src/emulator/index.ts';

// The emulators a test process builds share one signing key (and, for HTTPS, one certificate), as
// the emulators of a conformance run do: an RSA key takes a fifth of a second to make, and a key per
// test was most of the time of the emulator's own tests. Each test still gets an emulator of its own;
// tests about keys make theirs.
let signingKey: ReturnType<typeof createSigningKey> | undefined;
let tlsCertificate: ReturnType<typeof createTlsCertificate> | undefined;

export async function testKeys(options: { https?: boolean } = {}): Promise<BuildDependencies> {
  signingKey ??= createSigningKey();
  if (options.https) tlsCertificate ??= createTlsCertificate();
  return {
    signingKey: await signingKey,
    ...(options.https ? { tlsCertificate: await tlsCertificate } : {}),
  };
}
