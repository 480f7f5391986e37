import { gzipSync } from 'node:zlib';

// How a negotiating variant codes a body for the Accept-Encoding it was sent. With no header any coding
// is acceptable (RFC 9110 §12.5.3), and this one then picks zstd, which Node 20 cannot undo: a client
// that offers nothing must still read every answer. Offered gzip, it answers gzip; otherwise as it is.
export function codedBody(
  acceptEncoding: string | undefined,
  body: Buffer,
): { coding?: string; bytes: Buffer } {
  if (acceptEncoding === undefined) return { coding: 'zstd', bytes: zstdStored(body) };
  if (/(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(acceptEncoding))
    return { coding: 'gzip', bytes: gzipSync(body) };
  return { bytes: body };
}

// A zstd frame (RFC 8878) of raw, uncompressed blocks: lawful zstd that any decoder reads, made
// without a zstd library. Single segment, a 4-byte content size, no checksum.
const MAX_BLOCK = 128 * 1024;
function zstdStored(body: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.writeUInt32LE(0xfd2fb528, 0);
  header[4] = 0xa0;
  header.writeUInt32LE(body.length, 5);
  const parts: Buffer[] = [header];
  for (let at = 0; at === 0 || at < body.length; at += MAX_BLOCK) {
    const block = body.subarray(at, at + MAX_BLOCK);
    const last = at + MAX_BLOCK >= body.length ? 1 : 0;
    const blockHeader = Buffer.alloc(3);
    blockHeader.writeUIntLE((block.length << 3) | last, 0, 3);
    parts.push(blockHeader, block);
  }
  return Buffer.concat(parts);
}
