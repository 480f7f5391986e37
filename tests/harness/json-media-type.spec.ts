import { expectJsonMediaType } from '../fixtures/json-media-type.ts';
import { expect, test } from '../helpers/api-test.ts';
import { takeNoVerdicts } from '../helpers/no-verdicts.ts';
import { answer } from './answers.ts';

// SCHEMA.CONTENTTYPE's own test judges the answers the checks on every exchange judge: JSON ones.

test('a JSON answer labelled application/json, with parameters in any case, passes', () => {
  expectJsonMediaType(answer(200, { id: 'a' }));
  expectJsonMediaType(
    answer(
      404,
      { error: { code: 'NotFound', message: 'm' } },
      { 'content-type': 'Application/JSON; Charset=UTF-8' },
    ),
  );
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('a JSON answer labelled otherwise fails', () => {
  expect(() => expectJsonMediaType(answer(200, { id: 'a' }, { 'content-type': 'text/plain' }))).toThrow(
    /Content-Type/,
  );
});

// An emulator author's answers without a Content-Type read "expected /^application\/json\s*(;.*)?$/i,
// got """: a pattern for a reader to decode, and an empty header where there was none.
test('a JSON answer without a Content-Type header fails, saying the header is missing', () => {
  const bare = { ...answer(200, { id: 'a' }), headers: {} };
  expect(() => expectJsonMediaType(bare)).toThrow(
    'Content-Type: expected application/json (parameters allowed), got no Content-Type header',
  );
  expect(() => expectJsonMediaType(answer(200, { id: 'a' }, { 'content-type': 'text/plain' }))).toThrow(
    'Content-Type: expected application/json (parameters allowed), got "text/plain"',
  );
});

// A tenant's quota may be shared with other callers: a 429 in a test that does not expect one is no
// verdict, whatever its body (the 429's body is open; a front door's may have none, and no label).
test('a 429 without a body ends the test without a verdict, never a SCHEMA.CONTENTTYPE failure', () => {
  const throttled = { ...answer(429, undefined), headers: { 'retry-after': '30' } };
  expect(() => expectJsonMediaType(throttled)).toThrow(/throttled/);
  expect(takeNoVerdicts()).toHaveLength(1);
});

// An answer with no body is no JSON answer: the per-exchange check does not judge its label either.
test('an answer without a body labels nothing: not judged', () => {
  const bare = { ...answer(404, undefined), headers: {} };
  expectJsonMediaType(bare);
  expect(takeNoVerdicts()).toHaveLength(0);
});
