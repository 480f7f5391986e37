import { createPrivateKey, X509Certificate } from 'node:crypto';

// What a file holding no PEM block is, where it is a DER (binary) certificate or private key: the form
// Windows and PKI portals export (`.cer`, `.der`), which the suite and the emulator read only as PEM.
// Names the openssl command that turns it into PEM; undefined for anything else (a .pfx among them).
export function derFileKind(bytes: Buffer, path: string): string | undefined {
  try {
    new X509Certificate(bytes);
    return `a DER (binary) certificate; PEM is needed: \`openssl x509 -inform DER -in ${path} -out cert.pem\``;
  } catch {}
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: bytes, format: 'der', type });
      return `a DER (binary) private key; PEM is needed: \`openssl pkey -inform DER -in ${path} -out key.pem\``;
    } catch {}
  }
  return undefined;
}
