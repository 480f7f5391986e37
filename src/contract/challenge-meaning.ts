// A WWW-Authenticate challenge written as it means, for comparing two spellings of one (RFC 9110
// §11.1-11.2): the auth-scheme and the parameter names are case-insensitive, the whitespace around ","
// and "=" is optional, and a value may be a token or a quoted-string alike. Values keep their case
// (an error code is case-sensitive) and the parameters their order. Anything else (a token68, several
// challenges, text that is no challenge) is returned as it is, compared as written.
export function challengeMeaning(text: string): string {
  const scheme = SCHEME.exec(text);
  if (!scheme) return text;
  const params: string[] = [];
  PARAMETER.lastIndex = scheme[0].length;
  while (PARAMETER.lastIndex < text.length) {
    const match = PARAMETER.exec(text);
    // A comma between parameters, and none before the first.
    if (!match || (match[1] !== undefined) !== params.length > 0) return text;
    const [, , name, raw] = match;
    const value = raw!.startsWith('"') ? raw!.slice(1, -1).replace(/\\(.)/g, '$1') : raw!;
    params.push(`${name!.toLowerCase()}=${JSON.stringify(value)}`);
  }
  return [scheme[1]!.toLowerCase(), params.join(',')].join(' ').trim();
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const SCHEME = new RegExp(`^\\s*(${TOKEN})(?:\\s+|\\s*$)`);
// The first parameter follows the scheme's space; each further one a comma.
const PARAMETER = new RegExp(`(,\\s*)?(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")\\s*`, 'y');
