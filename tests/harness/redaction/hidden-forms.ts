// The forms a target may write a secret or token in that no registered form matches: every character
// JSON-escaped, HTML character references, URL-encoded twice, base64 (an issued token), and cut over
// lines, hex, UTF-16. Shared by the redaction and the leak-scan specs.
export const PASSWORD = "older/Secret+With&Quote'9";

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const jsonEveryChar = (value: string) => [...value].map(hex4).join('');
// The first character escaped, and "/" as "\/": a serializer that escapes a few characters only.
export const jsonSome = (value: string) => hex4(value[0]!) + value.slice(1).replace(/\//g, '\\/');
export const htmlDecimal = (value: string) => [...value].map((c) => `&#${c.charCodeAt(0)};`).join('');
// A reference inside, "&" as &amp;: a page that quotes the request escaping as it goes.
export const htmlMixed = (value: string) =>
  `&#x${value.charCodeAt(0).toString(16)};${value.slice(1, 4)}&#${value.charCodeAt(4)};${value
    .slice(5)
    .replace(/&/g, '&amp;')
    .replace(/'/g, '&apos;')}`;
// HTML's named references wherever a name exists (&sol; &plus; &period; &lowbar;), as some encoders write.
const NAMES: Record<string, string> = {
  '/': 'sol',
  '+': 'plus',
  '.': 'period',
  _: 'lowbar',
  '&': 'amp',
  "'": 'apos',
};
export const htmlNamed = (value: string) => [...value].map((c) => (NAMES[c] ? `&${NAMES[c]};` : c)).join('');
export const urlTwice = (value: string) =>
  encodeURIComponent(new URLSearchParams([['', value]]).toString().slice(1));
export const base64 = (text: string) => Buffer.from(text).toString('base64');
// MIME's base64: lines of 76 characters and CRLF.
export const mimeWrapped = (text: string) => base64(text).replace(/.{76}(?=.)/g, '$&\r\n');
// Hex, as a debug dump of the header or the body it was sent (lower case, or upper case).
export const hex = (text: string) => Buffer.from(text).toString('hex');
// A UTF-16 answer read as UTF-8, as the suite reads every answer: a NUL after each ASCII character.
export const utf16 = (text: string) => Buffer.from(text, 'utf16le').toString('utf8');
export const cutInTwo = (value: string, at: number) => `${value.slice(0, at)}\n${value.slice(at)}`;

// Text that holds escapes, entities, percent-encoding, base64 and lines cut inside words, none of it a
// secret: a redactor or scan that decodes must leave it as it is.
export const ORDINARY = [
  '{"message":"caf\\u00e9 \\u003cb\\u003e ok \\/api\\/machineactions","id":"0f8fad5b-d9cb-469f-a165-70867728950e"}',
  '<p>Tom &amp; Jerry &#39;quoted&#39; &#x3C;tag&#x3E; &lt;br&gt; &quot;x&quot;</p>',
  '/api/machineactions?$filter=status%20eq%20%27Pending%27&next=%252Fapi%252Fmachineactions',
  `{"debug":"${base64('GET /api/machineactions/0f8fad5b-d9cb-469f-a165-70867728950e HTTP/1.1')}"}`,
  `${mimeWrapped('The quick brown fox jumps over the lazy dog. '.repeat(6))}`,
  'a sentence cut by a writer who wraps\nlines at seventy-two characters, and a\nword-\nbreak too',
  'sha1 4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b and a 40-char hex machine id',
  `{"dump":"${hex('GET /api/machineactions HTTP/1.1')}","sha256":"${'9f86d081884c7d659a2feaa0c55ad015'.repeat(2)}"}`,
];

// A long token escaped at its last character only, amid megabytes: a long text is decoded only
// around its escapes (escape-windows.ts), which must reach back over the whole token.
export const LONG_TOKEN = `long-${'A1b2_C3d4'.repeat(330)}Z`;
export const inLongText = (form: string) =>
  `${'filler; '.repeat(60_000)}{"echo":"${form}"}${' and'.repeat(60_000)}`;
export const lastEscaped = (value: string) => value.slice(0, -1) + jsonEveryChar(value.slice(-1));
