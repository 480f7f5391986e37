import { CopyWriter, type DecodedCopy } from './decoded-copy.ts';

// A token echoed base64-encoded (a target that encodes the Authorization header it was sent into a
// debug field): configured secrets have base64 forms of their own (base64-forms.ts), but a worker is
// issued thousands of tokens, three forms each. Instead each long run of base64 characters (either
// alphabet) is decoded from its start, and the copy, every run's bytes as Latin-1 characters with a
// NUL after each, is searched as a text is. Runs shorter than MIN_RUN hold no token (8 characters or
// more, after "Bearer "); runs longer than MAX_RUN are files a report embeds (embedded-report-files.ts
// reads those), not an echoed header.
const MIN_RUN = 16;
const MAX_RUN = 64 * 1024;
const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_')
  BASE64_CHAR[c.charCodeAt(0)] = 1;
// Base64 of ASCII text has one of A-Z a-f at the start of each group of four (a byte below 0x80 has its
// top six bits below 32): a run whose first four groups do not is no header or token encoded from its
// start, and is passed over undecoded (a URL path, most words: application/json), and so is a run of
// hex digits and hyphens (a GUID, a machine id).
const GROUP_START = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef') GROUP_START[c.charCodeAt(0)] = 1;
const HEX_ID = /^[0-9A-Fa-f-]*$/;

function asciiEncoded(s: string, start: number): boolean {
  for (let k = 0; k < MIN_RUN; k += 4) if (GROUP_START[s.charCodeAt(start + k)] !== 1) return false;
  return true;
}

// The copy of a text (or of a copy of it: `source`), or undefined if it has no run to decode.
export function base64Copy(source: DecodedCopy, spans: boolean): DecodedCopy | undefined {
  const runs = base64Runs(source.text);
  if (runs.length === 0) return undefined;
  let capacity = 0;
  for (const run of runs) capacity += Math.ceil((run.length * 3) / 4) + 1;
  const out = new CopyWriter(capacity, source, spans);
  for (const { start, end, text } of runs.map((r) => ({ ...r, text: source.text.slice(r.start, r.end) }))) {
    const bytes = Buffer.from(text, 'base64');
    // Byte k of a run is made of its characters 4⌊k/3⌋ + k mod 3 and the one after.
    for (let k = 0; k < bytes.length; k++) {
      const first = start + ((k / 3) | 0) * 4 + (k % 3);
      out.put(bytes[k]!, first, first + 2);
    }
    out.put(0, end - 1, end);
  }
  return out.copy();
}

function base64Runs(s: string): { start: number; end: number; length: number }[] {
  const runs: { start: number; end: number; length: number }[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const code = i < s.length ? s.charCodeAt(i) : 0;
    if (code < 128 && BASE64_CHAR[code] === 1) {
      if (start < 0) start = i;
      continue;
    }
    const length = i - start;
    if (start >= 0 && length >= MIN_RUN && length <= MAX_RUN)
      for (const from of runStarts(s, start, i)) {
        const run = s.slice(from, i);
        if (!HEX_ID.test(run)) runs.push({ start: from, end: i, length: i - from });
      }
    start = -1;
  }
  return runs;
}

// Where a run may begin to be base64 of ASCII text: its start, and after each "/" in it, since "/" is a
// base64 character and a path glued before the encoded value ("/debug/echo/QmVhcmVy...") made the run
// begin there, at the wrong offset. Each start is read on, to the run's end, as the run is. One start
// per offset modulo 4 is enough: a later one at the same offset decodes to the tail of the earlier's
// bytes. Every start once, a run of "/"-separated groups (base64 of text with "?" at the end of each
// group) decoded its own tail thousands of times: 64 KB of it made a copy of hundreds of megabytes.
function runStarts(s: string, start: number, end: number): number[] {
  const starts = asciiEncoded(s, start) ? [start] : [];
  const offsets = new Set(starts.map((at) => at % 4));
  for (let at = s.indexOf('/', start); at >= 0 && end - (at + 1) >= MIN_RUN; at = s.indexOf('/', at + 1)) {
    if (offsets.size === 4) break;
    if (!offsets.has((at + 1) % 4) && asciiEncoded(s, at + 1)) {
      starts.push(at + 1);
      offsets.add((at + 1) % 4);
    }
  }
  return starts;
}
