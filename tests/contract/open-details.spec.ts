import { expect, test } from '../helpers/api-test.ts';
import { linesMatching, sourcesUnder, withoutComments } from './source-scan.ts';

// A conformance test asserts what the contract fixes (status, error.code, state) and nothing it leaves
// open: an error's message text is the service's to word, and JSON members come in any order. A test
// that read either would FAIL a lawful target (docs/writing-tests.md).
// The error envelope's message: read through .error.message, a field path, an index, or asserted as a
// member of an expected object. (An Error's own .message, in a skip reason, is no answer of the target.)
const MESSAGE_TEXT =
  /\.error[?!]?\.message\b|['"`][\w.]*\.message['"`]|\[\s*['"`]message['"`]\s*\]|toHaveProperty\(\s*['"`]message['"`]\s*,|(toMatchObject|toEqual|toStrictEqual|objectContaining)\([^;]*?\bmessage\s*:(?!\s*expect\.any\()/g;
// Serialized JSON, a body's raw text, or its member names in order.
const FIELD_ORDER =
  /expect\(\s*JSON\.stringify\(|expect\(\s*Object\.(keys|entries)\([^()]*\)\s*\)\s*\.\s*(toEqual|toStrictEqual)\(|expect\(\s*[\w.]*\.text(\.trim\(\))?\s*\)\s*\.\s*(toBe|toEqual|toContain|toMatch)\(/g;

const offences = (file: string, source: string) => ({
  message: linesMatching({ file, code: withoutComments(source) }, MESSAGE_TEXT),
  order: linesMatching({ file, code: withoutComments(source) }, FIELD_ORDER),
});

// Where one line of example source offends, by either rule.
function offendingLines(source: string): string[] {
  const { message, order } = offences('x.ts', source);
  return [...message, ...order];
}

test('no conformance test reads an error message or the order of JSON members', () => {
  const sources = sourcesUnder(['tests/conformance']);
  expect(sources.length).toBeGreaterThan(5);
  const found = sources.flatMap(({ file, code }) => {
    const { message, order } = offences(file, code);
    return [
      ...message.map((at) => `${at} reads message text`),
      ...order.map((at) => `${at} depends on order`),
    ];
  });
  expect(found, 'assert the status, error.code and state; leave the message and member order open').toEqual(
    [],
  );
});

test('the check sees message reads and order-bound comparisons, not titles or comments', () => {
  const read = [
    "expect(body.error.message).toBe('Action not found');",
    "expect(field(res, 'error.message')).toContain('not found');",
    'expect(res.body.error["message"]).toBeTruthy();',
    'expect(JSON.stringify(res.body)).toBe(expected);',
    "expect(Object.keys(res.body)).toEqual(['id', 'status']);",
    'expect(res.text).toBe(\'{"id":"1"}\');',
    "expect(res.body).toMatchObject({ error: { code: 'NotFound', message: 'Not found' } });",
    "expect(res.text.trim()).toBe('{}');",
    'expect(res.body.error!.message).toBe(text);',
    "expect(res.body.error).toHaveProperty('message', 'Not found');",
    "expect(field(res, 'error.innererror.message')).toBe('x');",
  ];
  for (const source of read) expect(offendingLines(source), source).toEqual(['x.ts:1']);
  const lawful = [
    "expect(field(res, 'error.code')).toBe('NotFound');",
    '// the message is left open: expect(body.error.message)',
    // A title built from a value: a template literal in the scanned file.
    ['test(`cancel of the malformed id $', '{JSON.stringify(id)} answers 400 or 404`, () => {});'].join(''),
    'expect(new Set(Object.keys(res.body))).toEqual(new Set(["id"]));',
    "expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);",
    "expect(Object.keys(res.body)).toContain('id');",
    'expect(Object.keys(res.body).length).toBe(2);',
    'test.skip(!ready, (error as Error).message);',
    "await api.cancel(id, { Comment: 'message' });",
    "const accept = 'application/*'; expect(body.error.code).toBe('x');",
    // That there is a message is the envelope's shape, not its text.
    "expect(res.body).toMatchObject({ error: { code: 'NotFound', message: expect.any(String) } });",
  ];
  for (const source of lawful) expect(offendingLines(source), source).toEqual([]);
});

test('comments are blanked, strings, templates and regular expressions are not', () => {
  const kept = [
    "const accept = '*/*'; Date.now();",
    'const url = "https://api.example/x"; Date.now();',
    'const scheme = /^https?:\\/\\//; Date.now();',
    'const t = `a $' + '{"/*"} b`; Date.now();',
    'const n = a / b / c; Date.now();',
    'const m = `x $' + '{f(`y $' + '{"//"}`)} z`; Date.now();',
    // A regular expression right after ${, holding a quote.
    'function a(s) {\n  return `$' + "{/'/.test(s) ? 1 : 2}`;\n}\nconst u = `see http://x`; Date.now();",
  ];
  for (const source of kept) expect(withoutComments(source), source).toContain('Date.now()');
  const blanked = [
    'return /x/.test(s); // Date.now()',
    'const n = a / b; /* Date.now()\n */',
    'const s = "a"; // Date.now() and "quotes"',
    'function a(s) {\n  return `$' + "{/'/.test(s) ? 1 : 2}`;\n}\n// Date.now()",
  ];
  for (const source of blanked) {
    const code = withoutComments(source);
    expect(code, source).not.toContain('Date.now()');
    expect(code.split('\n').length, source).toBe(source.split('\n').length);
  }
});
