import { CopyWriter, type DecodedCopy } from './decoded-copy.ts';
import { escapeWindows } from './escape-windows.ts';

// A target may write back what it was sent escaped in ways no registered form of a secret matches
// (secret-forms.ts): a JSON serializer that escapes every character (\u0051\u0078...), an HTML page
// quoting the request (&#81;&#x78; &amp;), a query quoting a form body (URL-encoded twice: %257E),
// a body hard-wrapped in the middle of a token. Such a text is decoded, one layer a round, and each
// round's copy is searched as the text is. A text holding none of those marks (nearly every recorded
// exchange) costs a few indexOf calls and is not copied.
const MAX_ROUNDS = 3;
// XML's five, and HTML's names for the ASCII characters secrets and tokens are written with: an
// encoder that uses names wherever it can writes '.' as &period; and '_' as &lowbar;.
const NAMED: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  AMP: 38,
  LT: 60,
  GT: 62,
  QUOT: 34,
  period: 46,
  lowbar: 95,
  UnderBar: 95,
  plus: 43,
  sol: 47,
  equals: 61,
  percnt: 37,
  colon: 58,
  comma: 44,
  excl: 33,
  quest: 63,
  num: 35,
  dollar: 36,
  ast: 42,
  midast: 42,
  commat: 64,
  bsol: 92,
  semi: 59,
  lpar: 40,
  rpar: 41,
};
const ENTITY = new RegExp(`&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|${Object.keys(NAMED).join('|')});`);
const PERCENT = /%[0-9A-Fa-f]{2}/;
// A line break between two characters a token or an encoded secret is made of: base64 cut at 64 or
// 76 characters, a value hard-wrapped. Indentation after it is dropped with it.
const WRAPPED = /[A-Za-z0-9_~.+/=%-]\r?\n[ \t]*[A-Za-z0-9_~.+/=%-]/;
// The same inside a JSON string (MIME's base64 in a JSON body): undone in a later round.
const ESCAPED_WRAP = /[A-Za-z0-9_~.+/=%-](?:\\r)?\\n(?:[ \t]|\\t)*[A-Za-z0-9_~.+/=%-]/;

function mayBeEscaped(text: string): boolean {
  return (
    text.includes('\\u') ||
    text.includes('\\/') ||
    (text.includes('&') && ENTITY.test(text)) ||
    (text.includes('%') && PERCENT.test(text)) ||
    (text.includes('\n') && WRAPPED.test(text)) ||
    (text.includes('\\n') && ESCAPED_WRAP.test(text))
  );
}

// The copies of a text, each one layer less escaped than the one before; none if it holds no escape.
export function unescapedCopies(text: string, spans: boolean): DecodedCopy[] {
  if (!mayBeEscaped(text)) return [];
  const copies: DecodedCopy[] = [];
  let source = escapeWindows(text, spans);
  for (let round = 0; round < MAX_ROUNDS && mayBeEscaped(source.text); round++) {
    const next = unescapeOnce(source, spans);
    if (!next) break;
    copies.push(next);
    source = next;
  }
  return copies;
}

const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.+/=%-')
  TOKEN_CHAR[c.charCodeAt(0)] = 1;
const isTokenChar = (code: number) => code < 128 && TOKEN_CHAR[code] === 1;

const JSON_SIMPLE: Record<string, number> = { '/': 47, '\\': 92, '"': 34, b: 8, f: 12, n: 10, r: 13, t: 9 };

// Where an escape or a line break may start: the plain text between is copied as it is.
const SPECIAL = /[\\&%\r\n]/g;

// One layer of every kind undone, or undefined if there was none.
function unescapeOnce(source: DecodedCopy, spans: boolean): DecodedCopy | undefined {
  const s = source.text;
  const out = new CopyWriter(s.length, source, spans);
  let decoded = false;
  const special = new RegExp(SPECIAL);
  for (let i = 0; i < s.length; ) {
    special.lastIndex = i;
    const at = special.exec(s)?.index ?? s.length;
    out.putRange(i, at);
    if (at === s.length) break;
    i = at;
    const code = s.charCodeAt(i);
    const undone =
      code === 92
        ? jsonEscape(s, i)
        : code === 38
          ? reference(s, i)
          : code === 37
            ? percent(s, i)
            : undefined;
    if (undone) {
      const [value, length] = undone;
      // A code point past U+FFFF (&#x1F600;) is two UTF-16 units, both from the same reference.
      if (value > 0xffff) {
        out.put(0xd800 + ((value - 0x10000) >> 10), i, i + length);
        out.put(0xdc00 + ((value - 0x10000) & 0x3ff), i, i + length);
      } else out.put(value, i, i + length);
      i += length;
      decoded = true;
      continue;
    }
    const after = code === 10 || code === 13 ? wrapEnd(s, i) : i;
    if (after > i) {
      i = after;
      decoded = true;
      continue;
    }
    out.put(code, i, i + 1);
    i++;
  }
  return decoded ? out.copy() : undefined;
}

// [code point, length] of the JSON escape at `at`, if there is one.
function jsonEscape(s: string, at: number): [number, number] | undefined {
  const next = s[at + 1];
  if (next === 'u') {
    const hex = s.slice(at + 2, at + 6);
    return /^[0-9A-Fa-f]{4}$/.test(hex) ? [Number.parseInt(hex, 16), 6] : undefined;
  }
  const simple = next === undefined ? undefined : JSON_SIMPLE[next];
  return simple === undefined ? undefined : [simple, 2];
}

function reference(s: string, at: number): [number, number] | undefined {
  const semicolon = s.indexOf(';', at);
  if (semicolon < 0 || semicolon - at > 10) return undefined;
  const body = s.slice(at + 1, semicolon);
  const named = NAMED[body];
  if (named !== undefined) return [named, body.length + 2];
  const number = /^#[0-9]{1,7}$/.test(body)
    ? Number.parseInt(body.slice(1), 10)
    : /^#[xX][0-9A-Fa-f]{1,6}$/.test(body)
      ? Number.parseInt(body.slice(2), 16)
      : undefined;
  return number !== undefined && number <= 0x10ffff ? [number, body.length + 2] : undefined;
}

function percent(s: string, at: number): [number, number] | undefined {
  const hex = s.slice(at + 1, at + 3);
  return /^[0-9A-Fa-f]{2}$/.test(hex) ? [Number.parseInt(hex, 16), 3] : undefined;
}

// Where the text goes on after the line break at `at` and the indentation after it, if that break cuts
// a run of token characters; `at` if it does not.
function wrapEnd(s: string, at: number): number {
  if (at === 0 || !isTokenChar(s.charCodeAt(at - 1))) return at;
  let i = at;
  if (s.charCodeAt(i) === 13) i++;
  if (s.charCodeAt(i) !== 10) return at;
  i++;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i < s.length && isTokenChar(s.charCodeAt(i)) ? i : at;
}
