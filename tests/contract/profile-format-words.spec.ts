import { parseProfile } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { profileProblem as problem } from '../helpers/profile-problem.ts';

// What a profile file may not hold, said in words that name the point and the fix (Ajv's own words
// named no member). Split from profile-format.spec.ts, which reads the format's lawful files.

// A reading the emulator sends as a header (a 401's WWW-Authenticate, the JSON Content-Type and
// OData-Version) must be one a header can hold: with a CR, LF or another control the emulator accepted
// the file, then Node refused to write the header and every such answer hung unanswered.
test('a reading sent as a header may hold no CR, LF or other control character', () => {
  const header = /expected a header value: .*no CR, LF or other control character, got /;
  const media = (contentType: string, odataVersion: string | null) => ({
    profileVersion: 1,
    points: { 'json-media-type': { reading: { contentType, odataVersion } } },
  });
  expect(
    problem({ profileVersion: 1, points: { 'www-authenticate': { reading: 'Bearer\r\nX-Injected: 1' } } }),
  ).toMatch(header);
  expect(
    problem({
      profileVersion: 1,
      points: { 'www-authenticate': { reading: { missing: 'Bearer', invalid: 'Bearer\u0000' } } },
    }),
  ).toContain('point www-authenticate reading.invalid: expected a header value');
  expect(problem(media('application/json\r\n', null))).toMatch(header);
  expect(problem(media('application/json; charset=\u20ac', null))).toMatch(header);
  expect(problem(media('application/json', '4.0\nX: 1'))).toContain(
    'reading.odataVersion: expected a header value',
  );
  // Latin-1 and tabs are header characters.
  expect(() => parseProfile(media('application/json;\tcharset=utf-8', '4.0'), 'p.json')).not.toThrow();
  expect(() =>
    parseProfile(
      { profileVersion: 1, points: { 'www-authenticate': { reading: 'Bearer realm="é"' } } },
      'p.json',
    ),
  ).not.toThrow();
});

// The contract's reading is `odataVersion: string | null` (docs/contract.md#json-media-type): a target
// that sends `OData-Version:` empty was observed as "no answer fit a lawful reading" (proved through a
// loopback proxy adding it to the reference emulator's answers), and a profile holding it was refused.
test('an empty OData-Version is a lawful reading; an empty WWW-Authenticate still is not', () => {
  const media = { 'json-media-type': { reading: { contentType: 'application/json', odataVersion: '' } } };
  expect(() => parseProfile({ profileVersion: 1, points: media }, 'p.json')).not.toThrow();
  expect(problem({ profileVersion: 1, points: { 'www-authenticate': { reading: '' } } })).toContain(
    'point www-authenticate reading',
  );
});

// A client drops a header value's spaces and tabs at either end (RFC 9110 5.5): a file with
// WWW-Authenticate " " started an emulator whose 401s the suite then read as an empty, unlawful value,
// and "Bearer x\t" was observed as "Bearer x"; neither emulator answered as its file said.
test('a reading sent as a header may not begin or end with a space or a tab', () => {
  const header = /expected a header value: .*no space or tab at either end/;
  const media = (contentType: string, odataVersion: string | null) => ({
    profileVersion: 1,
    points: { 'json-media-type': { reading: { contentType, odataVersion } } },
  });
  expect(problem({ profileVersion: 1, points: { 'www-authenticate': { reading: ' ' } } })).toMatch(header);
  expect(
    problem({ profileVersion: 1, points: { 'www-authenticate': { reading: 'Bearer realm="x"\t' } } }),
  ).toMatch(header);
  expect(problem(media('application/json; charset=utf-8\t', null))).toMatch(header);
  expect(problem(media('application/json', ' 4.0'))).toMatch(header);
  expect(problem(media('application/json', ' '))).toMatch(header);
  // Inside a value they stay, and an empty OData-Version is still lawful.
  expect(() => parseProfile(media('application/json; \tcharset=utf-8', ''), 'p.json')).not.toThrow();
});

// A file with a 200 KB WWW-Authenticate started an emulator whose every 401 Node's fetch refused to
// read (UND_ERR_HEADERS_OVERFLOW: 16 KiB of headers at most), and the suite's run ended with exit 3.
test('a reading sent as a header is at most 4096 characters, a size every client reads', () => {
  const long = `Bearer realm="${'a'.repeat(4096)}"`;
  expect(problem({ profileVersion: 1, points: { 'www-authenticate': { reading: long } } })).toContain(
    'point www-authenticate reading: expected at most 4096 characters, got ',
  );
  const media = { contentType: `application/json; x=${'b'.repeat(5000)}`, odataVersion: null };
  expect(problem({ profileVersion: 1, points: { 'json-media-type': { reading: media } } })).toContain(
    'point json-media-type reading.contentType: expected at most 4096 characters, got ',
  );
  const fits = `Bearer realm="${'a'.repeat(4000)}"`;
  expect(() =>
    parseProfile({ profileVersion: 1, points: { 'www-authenticate': { reading: fits } } }, 'p.json'),
  ).not.toThrow();
});

// A misspelt member was refused as "expected additionalProperties must NOT have additional properties",
// naming no member; a file of a newer format only as "expected exactly 1, got 2". Each now says what to fix.
test('a member the format does not name, and a newer profileVersion, are said in words', () => {
  expect(
    problem({ profileVersion: 1, points: { 'rate-window': { reading: 'sliding', evidnce: [] } } }),
  ).toContain(
    'my-profile.json: point rate-window: expected no member "evidnce" (the schema names none such), got ',
  );
  expect(problem({ profileVersion: 1, points: {}, 'pasted secret text': 1 })).toContain(
    'expected no member named by a string of 18 character(s)',
  );
  expect(problem({ profileVersion: 2, points: {} })).toBe(
    'my-profile.json: profileVersion 2 is a newer format than this suite reads (1): update the suite, or write the file as version 1',
  );
});

// An entry with both or neither of reading and unknown was "expected oneOf must match exactly one schema
// in oneOf": Ajv's words, not the fix.
test('an entry holds a reading or an unknown, and the line says so', () => {
  const entry = (value: object) => problem({ profileVersion: 1, points: { 'unknown-id': value } });
  expect(entry({ reading: { status: 404, code: 'NotFound' }, unknown: 'not seen' })).toContain(
    'my-profile.json: point unknown-id: expected either "reading" or "unknown", not both, got ',
  );
  expect(entry({ note: 'seen once' })).toContain('expected "reading", or "unknown" with the reason');
});

// A hand-written extra-members reading that named a schema member (computerDnsName) was accepted, the
// emulator sent nothing more, and the run against it read the point without it: no round trip.
test('extra-members names only members the schemas do not name', () => {
  const extras = (entity: string[], error: string[]) => ({
    profileVersion: 1,
    points: { 'extra-members': { reading: { entity, error } } },
  });
  expect(problem(extras(['@odata.etag', 'computerDnsName'], []))).toBe(
    'my-profile.json: point extra-members reading.entity: "computerDnsName" is a member the schema names, not an extra one; remove it',
  );
  expect(problem(extras([], ['innerError', 'target']))).toContain(
    'reading.error: "target" is a member the schema names',
  );
  expect(() =>
    parseProfile(extras(['@odata.etag', 'investigationId'], ['innerError']), 'p.json'),
  ).not.toThrow();
});

// Ajv's own words came through for three rules: "expected minLength must NOT have fewer than 1
// characters", "uniqueItems must NOT have duplicate items (items ## 1 and 0 are identical)" and, for a
// refusal of 429, "another value (the schema rules this one out)", which does not say which value.
test('an empty code or reason, a name given twice and a 429 refusal are said in words', () => {
  const refusal = (status: number, code: string) => ({
    profileVersion: 1,
    points: { 'final-state-cancel': { reading: { status, code } } },
  });
  expect(problem(refusal(400, ''))).toBe(
    'my-profile.json: point final-state-cancel reading.code: expected a string that is not empty, got ""',
  );
  expect(problem({ profileVersion: 1, points: { 'rate-window': { unknown: '' } } })).toBe(
    'my-profile.json: point rate-window unknown: expected a string that is not empty, got ""',
  );
  expect(
    problem({
      profileVersion: 1,
      points: { 'extra-members': { reading: { entity: ['tags', 'tags'], error: [] } } },
    }),
  ).toBe(
    'my-profile.json: point extra-members reading.entity: expected each item once (items 0 and 1 are the same), got ["tags","tags"]',
  );
  expect(problem(refusal(429, 'TooManyRequests'))).toBe(
    'my-profile.json: point final-state-cancel reading.status: expected a status other than 429 (a 429 says the caller is throttled; it answers no open point), got 429',
  );
});

// A pattern of the schema is said in words: "expected a string matching ^[Aa][Pp][Pp][Ll]..." made a
// user read a regular expression to learn that a Content-Type must be application/json.
test('a Content-Type or a name that does not fit is refused in words, not by a pattern', () => {
  const media = {
    profileVersion: 1,
    points: { 'json-media-type': { reading: { contentType: 'text/json', odataVersion: null } } },
  };
  const contentType = problem(media);
  expect(contentType).toContain('point json-media-type reading.contentType: expected application/json');
  expect(contentType).not.toContain('[Aa]');
  const name = problem({ profileVersion: 1, name: 'Staging Tenant', points: {} });
  expect(name).toContain('name: expected lower-case letters, digits, dots and dashes');
  expect(name).not.toContain('^[');
  const member = problem({
    profileVersion: 1,
    points: { 'extra-members': { reading: { entity: ['odata etag'], error: [] } } },
  });
  expect(member).toContain('reading.entity.0: expected a member name: letters, digits');
});

// A reading hand-written as RFC 9110 spells it ("HTTP-date") or with "_" read "got a string of 9
// character(s)" beside the list, which a user had to compare letter by letter: name the listed value.
test('a listed reading spelt in another case or with "_" names the listed value', () => {
  const reading = (point: string, value: string) =>
    problem({ profileVersion: 1, points: { [point]: { reading: value } } });
  expect(reading('retry-after-form', 'HTTP-date')).toContain(
    ', which is "http-date" spelt otherwise: write it as listed',
  );
  expect(reading('duplicate-create', 'return_existing')).toContain(
    'which is "return-existing" spelt otherwise',
  );
  expect(reading('rate-window', 'Fixed Clock Aligned')).toContain(
    'which is "fixed-clock-aligned" spelt otherwise',
  );
  // A typo is no other spelling: the list alone says what is lawful.
  expect(reading('rate-window', 'slidng')).not.toContain('spelt otherwise');
});

// Two hand-edits a walk made: a refusal without its code was told `expected exactly "accepted"` (the
// literal of the point's other reading), and a reading written bare where its entry goes `expected type
// object`, neither naming the fix.
test('a refusal without its code, and a reading written bare, are told what is missing', () => {
  expect(
    problem({ profileVersion: 1, points: { 'cancel-without-comment': { reading: { status: 400 } } } }),
  ).toBe(
    'my-profile.json: point cancel-without-comment reading: expected property "code" to be present, got {"status":400}',
  );
  expect(problem({ profileVersion: 1, points: { 'rate-window': 'sliding' } })).toBe(
    'my-profile.json: point rate-window: expected an entry, {"reading": ...} or {"unknown": "the reason"}, got "sliding"',
  );
});
