// Self-signed certificates for the configuration specs (credentials.spec.ts, config-certificates.spec.ts).

export async function selfSigned(
  keyType: 'rsa' | 'ec' = 'rsa',
  dates: { notBeforeDate?: Date; notAfterDate?: Date } = {},
) {
  const key = keyType === 'rsa' ? { keyType, keySize: 2048 } : { keyType, curve: 'P-256' as const };
  // Loaded here, not with the file: listing the unit tests then loads no certificate library.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'mde-conformance-test' }], { ...key, ...dates });
  // selfsigned ends its PEMs without a line break: joined as they are, the key's BEGIN line starts no
  // line, and @azure/identity finds no key in the file.
  return { ...pems, cert: `${pems.cert.trim()}\n`, private: `${pems.private.trim()}\n` };
}

// A PEM file's text: the certificate, then its private key.
export async function pem(): Promise<string> {
  const { cert, private: key } = await selfSigned();
  return `${cert}${key}`;
}
