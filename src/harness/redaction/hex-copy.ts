import { CopyWriter, type DecodedCopy } from './decoded-copy.ts';

// A secret echoed hex-encoded (a debug dump of the Authorization header, or of the form body a token
// endpoint was sent, in either case): no registered form matches it, and base64-copy.ts passes a run
// of hex digits over (a GUID, a machine id). Each long run of hex digits is decoded from its start,
// each byte a Latin-1 character with a NUL after the run, and the copy is searched as a text is. A
// run shorter than MIN_RUN holds no token (8 characters or more); one whose first bytes are not
// printable ASCII (a machine id, a hash, a GUID's parts) is passed over undecoded.
const MIN_RUN = 32;
const MAX_RUN = 128 * 1024;
const ASCII_PREFIX = 8;
const HEX_VALUE = new Int8Array(128).fill(-1);
for (const [i, c] of [...'0123456789abcdef'].entries()) {
  HEX_VALUE[c.charCodeAt(0)] = i;
  HEX_VALUE[c.toUpperCase().charCodeAt(0)] = i;
}

function byteAt(s: string, at: number): number {
  return (HEX_VALUE[s.charCodeAt(at)]! << 4) | HEX_VALUE[s.charCodeAt(at + 1)]!;
}

function printable(s: string, start: number): boolean {
  for (let k = 0; k < ASCII_PREFIX; k++) {
    const byte = byteAt(s, start + 2 * k);
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

// The copy of a text (or of a copy of it: `source`), or undefined if it has no run to decode.
export function hexCopy(source: DecodedCopy, spans: boolean): DecodedCopy | undefined {
  const runs = hexRuns(source.text);
  if (runs.length === 0) return undefined;
  let capacity = 0;
  for (const [start, end] of runs) capacity += ((end - start) >> 1) + 1;
  const out = new CopyWriter(capacity, source, spans);
  for (const [start, end] of runs) {
    for (let at = start; at + 1 < end; at += 2) out.put(byteAt(source.text, at), at, at + 2);
    out.put(0, end - 1, end);
  }
  return out.copy();
}

function hexRuns(s: string): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const code = i < s.length ? s.charCodeAt(i) : 128;
    if (code < 128 && HEX_VALUE[code]! >= 0) {
      if (start < 0) start = i;
      continue;
    }
    // Or from its second digit: a hex letter glued before the dump ("data4265...") began the run there.
    if (start >= 0 && i - start >= MIN_RUN && i - start <= MAX_RUN)
      if (printable(s, start)) runs.push([start, i]);
      else if (printable(s, start + 1)) runs.push([start + 1, i]);
    start = -1;
  }
  return runs;
}
