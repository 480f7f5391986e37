import { expect, test } from '../helpers/api-test.ts';
import { linesMatching, sourcesUnder, withoutComments } from './source-scan.ts';

// A conformance test asserts what the contract fixes (status, error.code, state) and nothing it leaves
// open: an error's message text is the service's to word, and JSON members come in any order. A test
// that read either would FAIL a lawful target (docs/writing-tests.md).
const MESSAGE_TEXT = /\.message\b|['"`][\w.]*\bmessage['"`]/g;
const FIELD_ORDER =
  /expect\(\s*JSON\.stringify\(|expect\(\s*Object\.(keys|entries)\(|\.text\s*\)\s*\.\s*(toBe|toEqual|toContain|toMatch)\(/g;

const offences = (file: string, source: string) => ({
  message: linesMatching({ file, code: withoutComments(source) }, MESSAGE_TEXT),
  order: linesMatching({ file, code: withoutComments(source) }, FIELD_ORDER),
});

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
  ];
  for (const source of read) {
    const { message, order } = offences('x.ts', source);
    expect([...message, ...order], source).toEqual(['x.ts:1']);
  }
  const lawful = [
    "expect(field(res, 'error.code')).toBe('NotFound');",
    '// the message is left open: expect(body.error.message)',
    'test(`cancel of the malformed id ${JSON.stringify(id)} answers 400 or 404`, () => {});',
    'expect(new Set(Object.keys(res.body))).toEqual(new Set(["id"]));',
  ];
  for (const source of lawful) {
    const { message, order } = offences('x.ts', source);
    expect([...message, ...order], source).toEqual([]);
  }
});
