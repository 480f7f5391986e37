// JSON for the short texts of an answer's hot path, written and read in JavaScript when they are plain:
// JSON.stringify and JSON.parse each cross into V8's runtime, which in a server (caches cold between
// calls) cost a cancel about 1 µs apiece for a few dozen characters (npm run bench:emulator).

// The JSON string of `text`: the same characters JSON.stringify writes.
export function jsonString(text: string): string {
  return isPlain(text, 0, text.length) ? `"${text}"` : JSON.stringify(text);
}

// The object of a body that is one member with a string value, `{"name": "value"}` (whitespace
// allowed), without escapes; undefined for any other text, which JSON.parse then reads. What it returns
// is what JSON.parse returns for the same text.
export function oneStringMember(raw: string): Record<string, string> | undefined {
  let at = skipSpace(raw, 0);
  if (raw.charCodeAt(at) !== OPEN) return undefined;
  const name = plainString(raw, skipSpace(raw, at + 1));
  if (name === undefined) return undefined;
  at = skipSpace(raw, name.end);
  if (raw.charCodeAt(at) !== COLON) return undefined;
  const value = plainString(raw, skipSpace(raw, at + 1));
  if (value === undefined) return undefined;
  at = skipSpace(raw, value.end);
  if (raw.charCodeAt(at) !== CLOSE || skipSpace(raw, at + 1) !== raw.length) return undefined;
  // A cancel's member by its own name: an object with a computed name costs a runtime call (the name
  // looked up among the interned strings), which took as long as JSON.parse.
  if (name.text === 'Comment') return { Comment: value.text };
  // A computed name defines an own property even for __proto__, as JSON.parse does.
  return { [name.text]: value.text };
}

// A string starting at `at` (its opening quote) with no escape in it: its text and the index after it.
function plainString(raw: string, at: number): { text: string; end: number } | undefined {
  if (raw.charCodeAt(at) !== QUOTE) return undefined;
  const close = raw.indexOf('"', at + 1);
  if (close < 0 || !isPlain(raw, at + 1, close)) return undefined;
  return { text: raw.slice(at + 1, close), end: close + 1 };
}

// No character JSON escapes or must be escaped: quote, backslash, controls, and (JSON.stringify, since
// ES2019) lone surrogates, which a plain string here may not hold either, to stay simple.
function isPlain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

// JSON's whitespace: space, tab, line feed, carriage return.
function skipSpace(raw: string, at: number): number {
  let i = at;
  for (
    let c = raw.charCodeAt(i);
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    c = raw.charCodeAt(++i)
  );
  return i;
}

const OPEN = 0x7b;
const CLOSE = 0x7d;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
