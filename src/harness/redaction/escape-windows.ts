import { CopyWriter, type DecodedCopy } from './decoded-copy.ts';

// The parts of a long text a hidden secret can stand in: REACH characters either side of each escape
// mark (unescaped-copies.ts), a NUL between parts. A secret of up to REACH characters (decoded) that
// an escape hides has one in it, and between two of its marks stand fewer than REACH plain characters,
// so it lies whole in one part. The leak scan reads Allure's script of megabytes, whose escapes stand
// in a few tables: decoded whole, three rounds of it cost 170 ms a run, its parts a sixth of it.
const REACH = 4096;
// A line break (real or JSON-escaped) is a mark after a token character only, which the loop checks:
// a character class first would make the expression try every position of the text.
const MARK =
  /\\u[0-9A-Fa-f]{4}|\\\/|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|amp|lt|gt|quot|apos);|%[0-9A-Fa-f]{2}|\r?\n|(?:\\r)?\\n/g;
const TOKEN_CHAR = /[A-Za-z0-9_~.+/=%-]/;

export function escapeWindows(text: string, spans: boolean): DecodedCopy {
  if (text.length <= 4 * REACH) return { text };
  const windows: number[] = [];
  for (const m of text.matchAll(MARK)) {
    const breaks = m[0].endsWith('n') || m[0].endsWith('\n');
    if (breaks && (m.index === 0 || !TOKEN_CHAR.test(text[m.index - 1]!))) continue;
    const start = Math.max(0, m.index - REACH);
    const end = Math.min(text.length, m.index + m[0].length + REACH);
    if (windows.length > 0 && start <= windows[windows.length - 1]!) windows[windows.length - 1] = end;
    else windows.push(start, end);
  }
  let length = 0;
  for (let k = 0; k < windows.length; k += 2) length += windows[k + 1]! - windows[k]! + 1;
  const out = new CopyWriter(length, { text }, spans);
  for (let k = 0; k < windows.length; k += 2) {
    const [start, end] = [windows[k]!, windows[k + 1]!];
    for (let i = start; i < end; i++) out.put(text.charCodeAt(i), i, i + 1);
    out.put(0, end - 1, end);
  }
  return out.copy();
}
