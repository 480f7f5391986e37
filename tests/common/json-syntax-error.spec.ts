import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonTooDeepError, MAX_JSON_DEPTH } from '../../src/common/json-depth.ts';
import { jsonSyntaxWhere } from '../../src/common/json-syntax-error.ts';
import { parseUserJson } from '../../src/common/user-json.ts';
import { profileFileProblem } from '../../src/harness/config/profile-file.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function errorOf(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('parsed');
}

test('where JSON breaks is said without quoting the text around it', () => {
  const secret = 'Abc8Q~not-for-any-message';
  for (const text of [
    `AZURE_CLIENT_SECRET=${secret}`,
    `{"secret": ${secret}}`,
    `{"a": 1,\n "secret": "${secret}" "b": 2}`,
  ]) {
    const where = jsonSyntaxWhere(errorOf(text));
    expect(where).toMatch(/^(at line \d+ column \d+|at position \d+|unexpected text)$/);
    expect(where).not.toContain(secret.slice(0, 5));
  }
  expect(jsonSyntaxWhere(errorOf('{"a": [1, 2'))).toMatch(
    /^(cut short|at position \d+|at line \d+ column \d+)$/,
  );
});

// A profile (or seed, or records) file nested a million deep stopped the run with "RangeError: Maximum
// call stack size exceeded", and the emulator with "Maximum call stack size exceeded", exit 1.
test('a file of JSON nested deeper than any profile, seed or records file is named as such, in one line', () => {
  const file = join(tempDir('json-depth-'), 'profile.json');
  // Half a million deep: under the 1 MB a profile file may take (a larger one is refused by its size).
  writeFileSync(file, `{"readings": ${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
  expect(() => parseUserJson(readFileSync(file))).toThrow(JsonTooDeepError);
  expect(profileFileProblem(file)).toBe(
    `names ${file}, which is not valid JSON (nested deeper than ${MAX_JSON_DEPTH} levels)`,
  );
});

// A profile with a `// comment` (as JSONC editors and tsconfig allow) or a comma after its last member was
// refused as "not valid JSON (at position 4)": a place, but not what is wrong there, nor the line.
test('a comment or a comma after the last member is named, with its line and column', () => {
  const dir = tempDir('json-habit-');
  const cases: [string, string][] = [
    [
      '{\n  // my tenant\n  "profileVersion": 1, "points": {}\n}',
      'a // comment at line 2 column 3: JSON has no comments; remove it',
    ],
    [
      '{ "profileVersion": 1, /* v1 */ "points": {} }',
      'a /* comment */ at line 1 column 24: JSON has no comments; remove it',
    ],
    [
      '{\n  "profileVersion": 1,\n  "points": {},\n}',
      'a comma before } at line 3 column 15: JSON allows none after the last member; remove it',
    ],
    [
      '{"a": ["x",\n ]}',
      'a comma before ] at line 1 column 11: JSON allows none after the last item; remove it',
    ],
  ];
  for (const [text, where] of cases) {
    const file = join(dir, 'profile.json');
    writeFileSync(file, text);
    expect(profileFileProblem(file)).toBe(`names ${file}, which is not valid JSON (${where})`);
  }
  // Inside a string, // and a comma before a brace are text, and say nothing of where the JSON breaks.
  let error: unknown;
  try {
    parseUserJson(new TextEncoder().encode('{"url": "https://192.0.2.1/,}", x}'));
  } catch (caught) {
    error = caught;
  }
  expect(jsonSyntaxWhere(error)).toBe('at line 1 column 33');
});

test('a file that is no JSON at all is not said to hold a comment', () => {
  const file = join(tempDir('json-habit-'), 'profile.json');
  writeFileSync(file, 'MDE_API_BASE_URL=https://192.0.2.1/api\n');
  expect(profileFileProblem(file)).toMatch(/which is not valid JSON \(unexpected text at line 1 column 1\)$/);
});

// JSON.parse keeps the last of two members of one name: a profile that sets rate-window twice (a point
// copied in and edited, the old one left above) would be read by its second, the first ignored in silence.
test('a key given twice in one object is named with its line and column, never one of them ignored', () => {
  const dir = tempDir('json-habit-');
  const file = join(dir, 'profile.json');
  writeFileSync(
    file,
    '{"profileVersion": 1, "points": {\n  "rate-window": {"reading": "sliding"},\n  "rate-window": {"reading": "fixed-from-first-call"}\n}}',
  );
  expect(profileFileProblem(file)).toBe(
    `names ${file}, which is not valid JSON ("rate-window" twice in one object, the second at line 3 column 3: a reader keeps only one of them; write it once)`,
  );
  // The same name in two objects, and an escaped form of another, are no repeat.
  expect(
    parseUserJson(
      new TextEncoder().encode('{"a": {"b": 1}, "c": {"b": 2}, "b\\u0031": 3, "b1x": [{"b": 1}]}'),
    ),
  ).toBeTruthy();
  // A name that is no word (it could be a secret, in a file named by mistake) is said by its length.
  writeFileSync(file, '{"Abc8Q~secret": 1, "Abc8Q~secret": 2}');
  expect(profileFileProblem(file)).toBe(
    `names ${file}, which is not valid JSON (a key of 12 character(s) twice in one object, the second at line 1 column 21: a reader keeps only one of them; write it once)`,
  );
});

// An empty profile (a `>` redirect that failed, a copy made before the run wrote it) was "not valid
// JSON (cut short)", as if a write had stopped half-way: it holds nothing at all, and should say so.
test('an empty file, or one of white space alone, is said to be empty', () => {
  const dir = tempDir('json-empty-');
  for (const [name, text] of [
    ['empty.json', ''],
    ['blank.json', ' \r\n\t\n'],
    ['bom.json', '\uFEFF\n'],
  ] as const) {
    const file = join(dir, name);
    writeFileSync(file, text);
    expect(profileFileProblem(file)).toBe(`names ${file}, which is not valid JSON (the file is empty)`);
  }
});

// A profile copied or written in part (a disk that filled, an editor's paste cut off) was "not valid
// JSON (at position 6169)" on Node 20: a place, but not that the file simply ends too soon.
test('a file that ends before its JSON does is said to be cut short, with the line where it ends', () => {
  const dir = tempDir('json-cut-');
  const whole = JSON.stringify({ profileVersion: 1, points: { 'error-target': { reading: true } } }, null, 2);
  for (const [text, line] of [
    [`${whole.slice(0, whole.indexOf('"reading"'))}\n  \n`, 4],
    [whole.slice(0, -1), 7],
    ['\uFEFF{\r\n  "profileVersion": 1,', 2],
  ] as const) {
    const file = join(dir, 'cut.json');
    writeFileSync(file, text);
    expect(profileFileProblem(file)).toBe(
      `names ${file}, which is not valid JSON (cut short at line ${line}: the file ends before its JSON does; copy or write it again whole)`,
    );
  }
  // A fault before the end is placed as before.
  writeFileSync(join(dir, 'mid.json'), '{"profileVersion": 1 "points": {}}');
  expect(profileFileProblem(join(dir, 'mid.json'))).not.toContain('cut short');
});

// A hand-edited profile of 400 lines was refused as "not valid JSON (unexpected text)" for a NaN, a word
// left unquoted or a stray character (no Node version gives their place), and on Node 20, the CI's, as
// "at position 14165" for a single-quoted or missing name: neither says which line to fix.
test('where a hand-edited file breaks is said by line and column, on every Node version', () => {
  const file = join(tempDir('json-place-'), 'staging.profile.json');
  const cases: [string, string][] = [
    ['{\n  "points": {\n    "timestamp-precision": { "reading": NaN }\n  }\n}', 'line 3 column 41'],
    ['{\n  "points": {\n    "rate-window": { "reading": sliding }\n  }\n}', 'line 3 column 33'],
    ["{\n  'profileVersion': 1\n}", 'line 2 column 3'],
    ['{\n  "profileVersion": 1\n  "points": {}\n}', 'line 3 column 3'],
    ['{"profileVersion": 1} x', 'line 1 column 23'],
  ];
  for (const [text, where] of cases) {
    writeFileSync(file, text);
    expect(profileFileProblem(file)).toMatch(
      new RegExp(`^names ${file}, which is not valid JSON \\((unexpected text )?at ${where}\\)$`),
    );
  }
});
