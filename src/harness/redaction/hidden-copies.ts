import { base64Copy } from './base64-copy.ts';
import type { DecodedCopy } from './decoded-copy.ts';
import { hexCopy } from './hex-copy.ts';
import { nulFreeCopy } from './nul-free-copy.ts';
import { unescapedCopies } from './unescaped-copies.ts';

// Every copy of a text in which a secret written in a hidden form stands as it is registered: each
// layer of escapes undone (unescaped-copies.ts), then the base64 and the hex runs of the text and of the
// most decoded copy (base64-copy.ts, hex-copy.ts; MIME's base64 is one run only once its lines are
// joined), and their characters without the NULs a UTF-16 answer read as UTF-8 has (nul-free-copy.ts).
// Searched as the text is, by the redactor (with `spans`, to replace in the text what it found) and the leak scan.
export function hiddenCopies(text: string, spans: boolean): DecodedCopy[] {
  const unescaped = unescapedCopies(text, spans);
  const copies = [...unescaped];
  for (const source of [{ text }, unescaped.at(-1)]) {
    if (!source) continue;
    // A UTF-16 answer's base64 or hex has NULs between its characters: decoded once they are out.
    const nulFree = nulFreeCopy(source, spans);
    if (nulFree) copies.push(nulFree);
    for (const encoded of nulFree ? [source, nulFree] : [source])
      for (const decode of [base64Copy, hexCopy]) {
        const decoded = decode(encoded, spans);
        if (decoded) copies.push(decoded);
      }
  }
  return copies;
}
