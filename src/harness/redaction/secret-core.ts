// The part of a secret that is secret: a JWT's signature (its header and claims are guessable and
// often repeated, and with the signature they make the token again), or the whole value. The leak
// scan fingerprints it (secret-fingerprints.ts) and the redactor replaces it wherever it stands alone
// (redact.ts): a target may reflect only the signature of the token it was sent.
export function secretCore(value: string): string {
  const parts = value.split('.');
  return parts.length === 3 && value.startsWith('eyJ') && parts[2] ? parts[2] : value;
}
