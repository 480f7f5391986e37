import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { OPAQUE, SECRET, TOKEN } from '../../reporters/leak-scan/leak-workspace.ts';
import {
  base64,
  cutInTwo,
  hex,
  htmlDecimal,
  htmlMixed,
  htmlNamed,
  inLongText,
  jsonEveryChar,
  jsonSome,
  LONG_TOKEN,
  lastEscaped,
  mimeWrapped,
  ORDINARY,
  PASSWORD,
  urlTwice,
  utf16,
} from './hidden-forms.ts';

// A target may echo what it was sent in a form no registered one matches (hidden-forms.ts): the
// redactor left each of these in the exchange it recorded, where only the leak scan could stop the run.
test.beforeAll(() => {
  registerSecret(SECRET, { configured: true });
  registerSecret(PASSWORD, { configured: true });
  registerSecret(TOKEN);
  registerSecret(OPAQUE);
  registerSecret(LONG_TOKEN);
  // A secret that is part of another (as other specs register): replaced first, it cut the other apart.
  registerSecret(OPAQUE.slice(0, 12));
});

const ESCAPED: Record<string, string> = {
  'every character JSON-escaped': jsonEveryChar(SECRET),
  'an issued token JSON-escaped': jsonEveryChar(OPAQUE),
  'a few characters JSON-escaped, "/" as "\\/"': jsonSome(PASSWORD),
  'HTML decimal references': htmlDecimal(SECRET),
  'HTML references and entities mixed': htmlMixed(PASSWORD),
  'HTML named references of ASCII punctuation': htmlNamed(PASSWORD),
  'an Entra-like secret with &period; and &lowbar;': htmlNamed(SECRET),
  'URL-encoded twice': urlTwice(PASSWORD),
  'an Entra-like secret form-encoded twice': urlTwice(SECRET),
  'cut over two lines': cutInTwo(SECRET, 10),
  'an issued token cut over two lines, CRLF and an indent': OPAQUE.replace('7f3c', '7f\r\n  3c'),
  'an issued token in a UTF-16 answer read as UTF-8': utf16(OPAQUE),
  'a configured secret in a UTF-16 answer read as UTF-8': utf16(SECRET),
};

for (const [name, form] of Object.entries(ESCAPED))
  test(`redacted where it stands: ${name}`, () => {
    expect(redactText(`{"echo":"${form}","n":1}`)).toBe('{"echo":"[REDACTED]","n":1}');
  });

// Base64 is replaced from the first character its bytes are in: no run left decodes to the token.
const decodedRuns = (text: string) =>
  (text.replace(/\r\n|\\r\\n/g, '').match(/[A-Za-z0-9+/_-]{4,}/g) ?? [])
    .map((run) => Buffer.from(run, 'base64').toString('latin1'))
    .join('\n');

const ENCODED: Record<string, [string, string]> = {
  'an Authorization header echoed base64-encoded': [TOKEN.split('.')[2]!, base64(`Bearer ${TOKEN}`)],
  'an opaque issued token base64url-encoded': [OPAQUE, Buffer.from(`t=${OPAQUE}`).toString('base64url')],
  'a configured secret in MIME base64 cut at 76': [
    SECRET,
    mimeWrapped(`${'client-id-'.repeat(5)}:${SECRET}`),
  ],
  'an issued token in MIME base64 cut at 76': [OPAQUE, mimeWrapped(`${'x'.repeat(40)} ${OPAQUE}`)],
  'an issued token in MIME base64 inside a JSON string': [
    OPAQUE,
    JSON.stringify(mimeWrapped(`${'x'.repeat(40)} ${OPAQUE}`)).slice(1, -1),
  ],
};

for (const [name, [value, form]] of Object.entries(ENCODED))
  test(`redacted: ${name}`, () => {
    expect(decodedRuns(form)).toContain(value);
    const redacted = redactText(`{"debug":"${form}"}`);
    expect(redacted).toContain('[REDACTED]');
    expect(redacted.startsWith('{"debug":"')).toBe(true);
    expect(decodedRuns(redacted)).not.toContain(value);
  });

// Glued to the path before it ('/' is a base64 character): decoded from the run's start, it was read
// at the wrong offset. The path stays.
const GLUED: Record<string, [string, string, string]> = {
  'an Authorization header base64-encoded at the end of a URL path': [
    OPAQUE,
    'https://api.example/debug/echo/',
    base64(`Bearer ${OPAQUE}`),
  ],
  'a configured secret base64-encoded after a path': [SECRET, '/v1/', base64(`client_secret=${SECRET}`)],
};

for (const [name, [value, path, encoded]] of Object.entries(GLUED))
  test(`redacted: ${name}`, () => {
    expect(decodedRuns(encoded)).toContain(value);
    const redacted = redactText(`${path}${encoded}`);
    expect(redacted).toContain('[REDACTED]');
    expect(redacted.startsWith(path)).toBe(true);
    expect(decodedRuns(redacted.slice(path.length))).not.toContain(value);
  });

// Hex is replaced from the first digit of the token's first byte to the last of its last byte.
const HEX: Record<string, [string, string]> = {
  'an Authorization header echoed hex-encoded': [OPAQUE, hex(`Bearer ${OPAQUE}`)],
  'a JWT echoed in upper-case hex': [TOKEN, hex(TOKEN).toUpperCase()],
  'a configured secret in a form body echoed hex-encoded': [SECRET, hex(`client_secret=${SECRET}&x=1`)],
  // Two layers: a UTF-16 answer (read as UTF-8) holding the hex.
  'an Authorization header hex-encoded in a UTF-16 answer': [OPAQUE, utf16(hex(`Basic ${OPAQUE}`))],
};

for (const [name, [value, form]] of Object.entries(HEX))
  test(`redacted: ${name}`, () => {
    const redacted = redactText(`{"debug":"${form}"}`);
    expect(redacted).toContain('[REDACTED]');
    expect(redacted.startsWith('{"debug":"')).toBe(true);
    const runs = redacted.replaceAll('\0', '').match(/[0-9A-Fa-f]{2,}/g) ?? [];
    for (const run of runs)
      expect(Buffer.from(run, 'hex').toString('latin1')).not.toContain(value.slice(0, 8));
  });

test('text with escapes, entities, percent-encoding, base64 and cut lines but no secret is left as it is', () => {
  for (const text of ORDINARY) expect(redactText(text)).toBe(text);
});

test('a long text is decoded around its escapes, far enough to hold a long token escaped at its end', () => {
  const text = inLongText(lastEscaped(LONG_TOKEN));
  expect(redactText(text)).toBe(inLongText('[REDACTED]'));
  expect(redactText(inLongText(jsonEveryChar(SECRET)))).toBe(inLongText('[REDACTED]'));
});
