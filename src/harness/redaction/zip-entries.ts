import { constants, inflateRawSync } from 'node:zlib';

// Playwright traces and blob reports are zip files whose entries are deflated, so a secret inside
// them is invisible to a byte scan. This reads the central directory and inflates each entry; it
// handles what Playwright writes (stored and deflated entries, no zip64, no encryption).
export interface ZipEntry {
  name: string;
  data: Buffer;
  // Not inflated: it would have gone past what the budget had left (a zip bomb inflates without end
  // and would take the scan's memory). Its data is then empty, and the caller must say it was not scanned.
  overBudget?: true;
}

// How many bytes the entries of one artefact may inflate to, all together (nested zips included).
export interface InflateBudget {
  left: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_FILE_HEADER;
}

export function zipEntries(buffer: Buffer, budget: InflateBudget): ZipEntry[] {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error('corrupt central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localNameLength = buffer.readUInt16LE(localOffset + 26);
    const localExtraLength = buffer.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = buffer.subarray(start, start + compressedSize);
    if (method === 0) entries.push({ name, data: raw });
    else if (method === 8) entries.push(inflated(name, budget, () => inflateRawSync(raw, limit(budget))));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65535); i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

// The entries a zip's local headers hold, for a zip whose central directory is gone (cut short: a
// download or upload interrupted, a process killed while it wrote a trace or blob report). Each
// deflated entry is inflated as far as its bytes go. The leak scan read such a file as bytes only,
// where a deflated entry's token was invisible, and reported "no secret found".
export function localZipEntries(buffer: Buffer, budget: InflateBudget): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = buffer.indexOf(signature); at >= 0 && at + 30 <= buffer.length; ) {
    const method = buffer.readUInt16LE(at + 8);
    const compressedSize = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 30, Math.min(at + 30 + nameLength, buffer.length));
    const next = buffer.indexOf(signature, at + 4);
    // A size of 0 is one written after the data (a data descriptor): the entry runs to the next header.
    const end = compressedSize > 0 ? start + compressedSize : next < 0 ? buffer.length : next;
    const raw = buffer.subarray(start, end);
    if (method === 0) entries.push({ name, data: raw });
    else if (method === 8)
      entries.push(inflated(name, budget, () => inflatedAsFarAsItGoes(buffer.subarray(start), budget)));
    at = next;
  }
  return entries;
}

function inflatedAsFarAsItGoes(raw: Buffer, budget: InflateBudget): Buffer {
  try {
    // A deflate stream ends by itself: what follows it (the next entry) is ignored.
    return inflateRawSync(raw, { ...limit(budget), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (overBudget(error)) throw error;
    return Buffer.alloc(0);
  }
}

function inflated(name: string, budget: InflateBudget, inflate: () => Buffer): ZipEntry {
  try {
    const data = inflate();
    budget.left -= data.length;
    return { name, data };
  } catch (error) {
    if (!overBudget(error)) throw error;
    return { name, data: Buffer.alloc(0), overBudget: true };
  }
}

// zlib stops once its output would pass this, instead of growing it until memory runs out.
function limit(budget: InflateBudget): { maxOutputLength: number } {
  return { maxOutputLength: Math.max(1, budget.left) };
}

function overBudget(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_BUFFER_TOO_LARGE';
}
