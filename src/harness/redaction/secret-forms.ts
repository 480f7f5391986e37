// The ways one secret may be written where it leaks: raw, URL-encoded (encodeURIComponent), as an
// application/x-www-form-urlencoded body sends it (URLSearchParams, which is what the token request
// uses: it encodes "~" as %7E and a space as "+", where encodeURIComponent leaves "~" alone), and
// JSON-escaped. A token endpoint that quotes back the body it received writes the form-encoded one:
// every Entra client secret holds "Q~", so that form differed from the others for every real secret.
export function formsOf(value: string): string[] {
  if (!value) return [];
  return [
    ...new Set([
      value,
      encodeURIComponent(value),
      new URLSearchParams([['', value]]).toString().slice(1),
      JSON.stringify(value).slice(1, -1),
    ]),
  ];
}
