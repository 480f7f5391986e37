// The ways one secret may be written where it leaks: raw, URL-encoded (encodeURIComponent), as an
// application/x-www-form-urlencoded body sends it (URLSearchParams, which is what the token request
// uses: it encodes "~" as %7E and a space as "+", where encodeURIComponent leaves "~" alone), and
// JSON-escaped. A token endpoint that quotes back the body it received writes the form-encoded one:
// every Entra client secret holds "Q~", so that form differed from the others for every real secret.
// Also as other writers escape it: both encodings with lower-case hex (a server's own encoder), JSON
// with "/" as "\/" (PHP's, and others'), and XML or HTML with entities (junit.xml: Playwright writes
// "&apos;", HTML writers "&#39;"). A secret of Entra's shape holds none of those characters, so its
// forms stay few; a password (AZURE_PASSWORD) or an older secret of base64 holds them.
export function formsOf(value: string): string[] {
  if (!value) return [];
  const encoded = encodeURIComponent(value);
  const form = new URLSearchParams([['', value]]).toString().slice(1);
  const json = JSON.stringify(value).slice(1, -1);
  return [
    ...new Set([
      value,
      encoded,
      form,
      json,
      lowerHex(encoded),
      lowerHex(form),
      json.replace(/\//g, '\\/'),
      xmlEscaped(value, '&apos;'),
      xmlEscaped(value, '&#39;'),
    ]),
  ];
}

function lowerHex(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
}

function xmlEscaped(text: string, apostrophe: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}
