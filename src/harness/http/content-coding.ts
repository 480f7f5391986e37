import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

// What an answer's body holds once its Content-Encoding is undone.
export type DecodedBody =
  | { bytes: Buffer }
  // Decoding would pass maxBytes: a zip bomb, or no answer of this API.
  | { tooLarge: string };

// What the lean client offers in Accept-Encoding: exactly the codings it undoes. A request without the
// header accepts any coding (RFC 9110 §12.5.3), so a lawful target could answer in zstd or compress,
// which no decoder here reads, and every exchange then failed as "body is not JSON".
export const ACCEPTED_CODINGS = 'gzip, deflate, br';

// Real answers have come deflated (docs/contract.md#response-headers), so the lean client undoes gzip,
// deflate and br as a browser does, last applied first. An unknown coding (one not offered), or bytes
// that do not decode, stay as received: the body is then judged as the target sent it.
export function decodeBody(
  bytes: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): DecodedBody {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0 || bytes.length === 0 || !codings.every((c) => Object.hasOwn(DECODERS, c)))
    return { bytes };
  let body = bytes;
  for (const coding of codings.reverse()) {
    try {
      body = DECODERS[coding as Coding](body, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { tooLarge: coding };
      return { bytes };
    }
  }
  return { bytes: body };
}

type Coding = 'gzip' | 'x-gzip' | 'deflate' | 'br';
type Limit = { maxOutputLength: number };

const DECODERS: Record<Coding, (bytes: Buffer, limit: Limit) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateEither,
  br: brotliDecompressSync,
};

// "deflate" is zlib-wrapped by the RFC, but some servers send it raw; browsers take both.
function inflateEither(bytes: Buffer, limit: Limit): Buffer {
  try {
    return inflateSync(bytes, limit);
  } catch (error) {
    if ((error as { code?: string }).code !== 'Z_DATA_ERROR') throw error;
    return inflateRawSync(bytes, limit);
  }
}
