import { jsonString, oneStringMember } from '../../../src/emulator/http/json-text.ts';
import { isWellFormedId } from '../../../src/emulator/state/machine-action.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The hot path's own JSON (http/json-text.ts) must read and write exactly what JSON.parse and
// JSON.stringify do; where it is unsure it hands over to them.

const TEXTS = [
  '',
  'bench',
  'Machine action 7d1f… is Succeeded and cannot be cancelled.',
  'quote " inside',
  'back\\slash',
  'tab\tand\nnewline\r',
  '\u0000\u001f\u007f',
  'emoji 😀 pair',
  'lone \ud800 high',
  'lone \udc00 low',
  'é ü ß 中文',
  '__proto__',
  '</script>',
];

test('jsonString writes what JSON.stringify writes', () => {
  for (const text of TEXTS) expect(jsonString(text), text).toBe(JSON.stringify(text));
});

test('oneStringMember reads a one-string-member object as JSON.parse does, and nothing else', () => {
  const bodies = [
    '{"Comment":"bench"}',
    ' \t\r\n{ "Comment" : "a b" }\n',
    '{"":""}',
    '{"__proto__":"x"}',
    '{"1":"numeric name"}',
    '{"Comment":"é 中文"}',
    ...TEXTS.map((text) => JSON.stringify({ Comment: text })),
    ...TEXTS.map((text) => JSON.stringify({ [text]: 'v' })),
  ];
  for (const body of bodies) {
    const read = oneStringMember(body);
    if (read === undefined) continue;
    expect(read, body).toEqual(JSON.parse(body));
    expect(Object.getPrototypeOf(read), body).toBe(Object.prototype);
    expect(Object.keys(read), body).toEqual(Object.keys(JSON.parse(body)));
  }
  // The plain ones are read here, not handed over.
  expect(oneStringMember('{"Comment":"bench"}')).toEqual({ Comment: 'bench' });
  expect(Object.hasOwn(oneStringMember('{"__proto__":"x"}')!, '__proto__')).toBe(true);
  // Anything else is left to JSON.parse, valid or not.
  const others = [
    '{"Comment":"a\\"b"}',
    '{"Comment":null}',
    '{"Comment":1}',
    '{"a":"1","b":"2"}',
    '{"Comment":"x",}',
    '{"Comment":"x"} x',
    '\ufeff{"Comment":"x"}',
    '{"Comment":"x"',
    '{"Comment" "x"}',
    '{Comment:"x"}',
    '["x"]',
    '"x"',
    '{}',
    '',
    '{"Comment":"\u0001"}',
    '{"Comment":"\u00a0"}\u00a0',
  ];
  for (const body of others) expect(oneStringMember(body), body).toBeUndefined();
});

test('isWellFormedId takes 8-4-4-4-12 hex digits in either case, and nothing else', () => {
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = [
    '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01',
    '6D5C1A5E-0B1C-4C1E-9A55-2F0E3B1C4D01',
    '00000000-0000-0000-0000-000000000000',
    '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d0',
    '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d011',
    '6d5c1a5e0b1c-4c1e-9a55-2f0e3b1c4d01-',
    '6d5c1a5g-0b1c-4c1e-9a55-2f0e3b1c4d01',
    '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d0\n',
    '{6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d0}',
    '6d5c1a5e_0b1c_4c1e_9a55_2f0e3b1c4d01',
    '',
    'not-a-guid',
  ];
  for (const id of ids) expect(isWellFormedId(id), id).toBe(guid.test(id));
  // Every character position, with each kind of character.
  const base = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';
  for (let i = 0; i < base.length; i++)
    for (const c of ['0', '9', 'a', 'f', 'A', 'F', 'g', 'G', '-', '/', ':', '@', '`', ' '])
      expect(isWellFormedId(base.slice(0, i) + c + base.slice(i + 1))).toBe(
        guid.test(base.slice(0, i) + c + base.slice(i + 1)),
      );
});
