// A media type written as it means, for comparing two spellings of one (RFC 9110 §8.3.1): type,
// subtype and parameter names are case-insensitive, the whitespace around ";" and "=" is optional, a
// value may be a quoted-string, and a charset's value is case-insensitive (§8.3.2). Other values and
// the parameters' order stay as written: whether they count is each parameter's own rule. Text that is
// no media type is returned as it is, compared as written.
export function mediaTypeMeaning(text: string): string {
  const essence = ESSENCE.exec(text);
  if (!essence) return text;
  const params: string[] = [];
  PARAMETER.lastIndex = essence[0].length;
  while (PARAMETER.lastIndex < text.length) {
    const match = PARAMETER.exec(text);
    if (!match) return text;
    const [, name, raw] = match;
    // An empty parameter (";;") is in the grammar and says nothing.
    if (name === undefined) continue;
    const key = name.toLowerCase();
    const unquoted = raw!.startsWith('"') ? raw!.slice(1, -1).replace(/\\(.)/g, '$1') : raw!;
    const value = key === 'charset' ? unquoted.toLowerCase() : unquoted;
    // A value a token cannot hold stays quoted: `a="x;b=y"` is not `a=x;b=y`.
    params.push(`${key}=${WHOLE_TOKEN.test(value) ? value : JSON.stringify(value)}`);
  }
  return [essence[1]!.toLowerCase(), ...params].join(';');
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const WHOLE_TOKEN = new RegExp(`^${TOKEN}$`);
const ESSENCE = new RegExp(`^\\s*(${TOKEN}/${TOKEN})\\s*`);
const PARAMETER = new RegExp(`;\\s*(?:(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))?\\s*`, 'y');
