import { CopyWriter, type DecodedCopy } from './decoded-copy.ts';

// An answer in UTF-16 (its charset says so, or a proxy's page) is read as UTF-8, as every answer is:
// each ASCII character comes with a NUL beside it, and a secret echoed in it matched nothing, while a
// terminal shows it whole and junit.xml, which drops the NULs, carried it as it is. The copy leaves
// the NULs out. Made only for a text where they alternate with characters (three in a row at least):
// the NUL between the parts of a long text's windows (escape-windows.ts) is no such text.
const INTERLEAVED = /[^\0]\0[^\0]\0[^\0]/;

export function nulFreeCopy(source: DecodedCopy, spans: boolean): DecodedCopy | undefined {
  const text = source.text;
  if (!text.includes('\0') || !INTERLEAVED.test(text)) return undefined;
  const out = new CopyWriter(text.length, source, spans);
  // Each character with the NUL after it, which a secret replaced in the text takes with it.
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) !== 0)
      out.put(text.charCodeAt(i), i, text.charCodeAt(i + 1) === 0 ? i + 2 : i + 1);
  return out.copy();
}
