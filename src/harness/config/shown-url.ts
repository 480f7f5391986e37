// A URL as a configuration message may show it: credentials (user:password@) and a query or fragment
// (?sig=... of a signed URL) are what make a URL secret, and the message needs neither to say what is
// wrong with it. Works on text that is not a valid URL too: it is shown because it is invalid.
// Everything before the last "@" is hidden, scheme aside: a password may hold "/", "?" or "#" (base64
// has "/"), and a URL pasted without its scheme still carries one.
export function shownUrl(value: string): string {
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/is, '$1***@')
    .replace(/[?#].*$/s, (rest) => `${rest[0]}***`);
}
