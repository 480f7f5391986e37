import { OPEN_POINTS, ProfileFormatError, parseProfile, readingOf } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// The profile format (schemas/observed-profile.schema.json) is read by the emulator and written by the
// suite; a bad file must be one line that names the point and what is wrong.
function problem(data: unknown): string {
  try {
    parseProfile(data, 'my-profile.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileFormatError);
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
}

test('a profile with readings and unknown points is accepted as it is', () => {
  const doc = parseProfile(
    {
      profileVersion: 1,
      points: {
        'final-state-cancel': { reading: { status: 409, code: 'Conflict' } },
        'rate-window': { unknown: 'the target has no clock the suite can move' },
      },
    },
    'p.json',
  );
  expect(readingOf(doc, 'final-state-cancel')).toEqual({ status: 409, code: 'Conflict' });
  expect(readingOf(doc, 'rate-window')).toBeUndefined();
});

test('the open points are the schema keys, twenty-one of them', () => {
  expect(OPEN_POINTS).toContain('final-state-cancel');
  expect(OPEN_POINTS).toContain('cancel-visible-after');
  expect(OPEN_POINTS).toContain('framing');
  expect(OPEN_POINTS).toHaveLength(21);
  expect(new Set(OPEN_POINTS).size).toBe(OPEN_POINTS.length);
});

// docs/calibration.md#per-case: a point whose answer may differ by case reads one answer for every case,
// or one per case, every case named.
test('a per-case reading names every case, each with a lawful answer', () => {
  const doc = parseProfile(
    {
      profileVersion: 1,
      points: {
        'final-state-cancel': {
          reading: {
            Succeeded: { status: 400, code: 'BadRequest' },
            Failed: { status: 400, code: 'BadRequest' },
            Cancelled: { status: 409, code: 'Conflict' },
            TimeOut: { status: 400, code: 'BadRequest' },
          },
        },
        'unknown-id': {
          reading: {
            cancel: { status: 404, code: 'NotFound' },
            get: { status: 404, code: 'ResourceNotFound' },
          },
        },
        'www-authenticate': { reading: { missing: 'Bearer', invalid: null } },
      },
    },
    'p.json',
  );
  expect(readingOf(doc, 'www-authenticate')).toEqual({ missing: 'Bearer', invalid: null });
  expect(
    problem({ profileVersion: 1, points: { 'www-authenticate': { reading: { missing: 'Bearer' } } } }),
  ).toMatch(/^my-profile\.json: point www-authenticate/);
  expect(
    problem({
      profileVersion: 1,
      points: {
        'unknown-id': {
          reading: { cancel: { status: 404, code: 'NotFound' }, get: { status: 404, code: 'Gone' } },
        },
      },
    }),
  ).toContain('point unknown-id reading.get.code');
});

test('duplicate-create reads a word of the first version, a refusal or the running action with its status', () => {
  const lawful = ['reject', 'return-existing', { status: 409, code: 'Conflict' }, { existing: 200 }];
  for (const reading of lawful)
    expect(
      parseProfile({ profileVersion: 1, points: { 'duplicate-create': { reading } } }, 'p').points,
    ).toEqual({
      'duplicate-create': { reading },
    });
  expect(
    problem({ profileVersion: 1, points: { 'duplicate-create': { reading: { existing: 202 } } } }),
  ).toContain('point duplicate-create');
});

test('cancel-visible-after is seconds within the settle bound', () => {
  const read = (reading: unknown) => ({ profileVersion: 1, points: { 'cancel-visible-after': { reading } } });
  expect(readingOf(parseProfile(read(3.5), 'p'), 'cancel-visible-after')).toBe(3.5);
  expect(problem(read(31))).toBe(
    'my-profile.json: point cancel-visible-after reading: expected a number <= 30, got 31',
  );
  expect(problem(read(-1))).toContain('point cancel-visible-after reading');
});

test('an unknown point is refused and the known ones are listed', () => {
  const line = problem({ profileVersion: 1, points: { 'final-state-answer': { reading: 1 } } });
  expect(line).toContain('"final-state-answer" is not an open point');
  expect(line).toContain('final-state-cancel');
});

test('a bad reading names the file, the point and the field', () => {
  const line = problem({
    profileVersion: 1,
    points: { 'final-state-cancel': { reading: { status: 200, code: 'X' } } },
  });
  expect(line).toBe(
    'my-profile.json: point final-state-cancel reading.status: expected a number >= 400, got 200',
  );
  expect(line).not.toContain('\n');
});

test('a reading outside the lawful values is refused', () => {
  expect(
    problem({ profileVersion: 1, points: { 'unknown-id': { reading: { status: 404, code: 'Gone' } } } }),
  ).toContain('point unknown-id reading.code');
  expect(problem({ profileVersion: 1, points: { 'retry-after-form': { reading: 'soon' } } })).toContain(
    'point retry-after-form reading',
  );
});

test('an entry needs a reading or an unknown reason', () => {
  expect(problem({ profileVersion: 1, points: { 'error-target': {} } })).toContain('point error-target');
});

test('a file of another version is refused', () => {
  expect(problem({ profileVersion: 2, points: {} })).toContain('profileVersion');
});

test('a reading per case that leaves cases out names the cases it lacks', () => {
  expect(
    problem({
      profileVersion: 1,
      points: { 'unknown-id': { reading: { cancel: { status: 404, code: 'NotFound' } } } },
    }),
  ).toBe(
    'my-profile.json: point unknown-id reading: a reading per case names every case (cancel, get); missing get',
  );
  expect(
    problem({
      profileVersion: 1,
      points: { 'final-state-cancel': { reading: { Succeeded: { status: 409, code: 'Conflict' } } } },
    }),
  ).toMatch(/^my-profile\.json: point final-state-cancel reading: .* missing Failed, TimeOut, Cancelled$/);
});

test("a user's file is described by its values' shape, so a secret in a file named by mistake is not shown", () => {
  const secret = 'Abc8Q~not-for-any-message-xyz';
  const message = (data: unknown) => {
    try {
      parseProfile(data, 'sp.json', { quote: false });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('parsed');
  };
  // A service principal's JSON, as `az ad sp create-for-rbac` writes it, and a reading that is no word.
  expect(message({ appId: '0000', password: secret })).toBe(
    'sp.json: the document: expected property "profileVersion" to be present, got an object',
  );
  expect(message([{ name: 'AZURE_CLIENT_SECRET', value: secret }])).not.toContain(secret.slice(0, 5));
  expect(message({ profileVersion: 1, points: { 'retry-after-form': { reading: secret } } })).toBe(
    `sp.json: point retry-after-form reading: expected one of ["delta-seconds","http-date"], got a string of ${secret.length} character(s)`,
  );
  // What helps to fix a typo is still shown: a number, or a word as readings are written.
  expect(
    message({ profileVersion: 1, points: { 'retry-after-form': { reading: 'delta-second' } } }),
  ).toContain('got "delta-second"');
});

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
