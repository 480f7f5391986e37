// A PEM private key (PKCS#8, RSA, EC, encrypted; any "-----BEGIN ... PRIVATE KEY-----"), as written in a
// file, a log (real line breaks) or JSON ("\n" escapes, once or more). Only a header followed by a line
// break counts, so a message naming the header ("add -----BEGIN PRIVATE KEY----- to the file") stays
// readable. A block never spans a double quote, so redacting JSON text leaves it valid JSON.
const LINE_BREAK = String.raw`(?:\r?\n|(?:\\+r)?\\+n)`;
const HEADER = `-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?=${LINE_BREAK})`;

// A whole block up to its END line; cut short (no END), the base64 lines after the header.
export const PRIVATE_KEY_PEM = new RegExp(
  String.raw`${HEADER}(?:[^"]*?-----END \1PRIVATE KEY-----|(?:[\r\n \t]|\\+[rn]|[A-Za-z0-9+/=:,-])*)`,
  'g',
);

// For a scan: the header and the start of a body is enough to say a key is there.
export const PRIVATE_KEY_SHAPE = new RegExp(`${HEADER}${LINE_BREAK}[A-Za-z0-9+/=:, -]{16}`);

// The complete blocks of a PEM file, each with its body as one base64 string (how a key is written
// unwrapped) and the base64 line from its middle (private material for RSA and EC keys, found even
// where the rest of the key was cut or wrapped otherwise).
export function privateKeyBlocks(pem: string): { block: string; base64: string; middleLine?: string }[] {
  return [...pem.matchAll(PRIVATE_KEY_PEM)]
    .map((m) => m[0].trim())
    .filter((block) => block.includes('-----END '))
    .map((block) => {
      const body = block.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{32,}$/.test(line));
      return { block, base64: body.join(''), middleLine: body[Math.floor(body.length / 2)] };
    });
}
