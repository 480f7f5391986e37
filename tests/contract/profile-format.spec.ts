import { OPEN_POINTS, parseProfile, readingOf } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { profileProblem as problem } from '../helpers/profile-problem.ts';

// The profile format (schemas/observed-profile.schema.json) is read by the emulator and written by the
// suite; a bad file must be one line that names the point and what is wrong.

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

// A walk's "cancel-visble-after" was answered with the list of all twenty-one points to compare by eye.
test('a point one letter off is named by the point it is near', () => {
  const line = problem({ profileVersion: 1, points: { 'cancel-visble-after': { reading: 0 } } });
  expect(line).toContain('"cancel-visble-after" is not an open point; did you mean "cancel-visible-after"?');
  expect(problem({ profileVersion: 1, points: { nonsense: { reading: 0 } } })).not.toContain('did you mean');
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

// A mistyped "reading" was refused as 'expected "reading", or "unknown" with the reason, got an object',
// naming neither the member at fault nor that it is one letter off.
test('an entry whose reading is misspelt names the member it has instead', () => {
  expect(problem({ profileVersion: 1, points: { 'rate-window': { readng: 'sliding' } } })).toBe(
    'my-profile.json: point rate-window: expected "reading", or "unknown" with the reason, got an object with "readng"; write "reading"',
  );
  expect(problem({ profileVersion: 1, points: { 'rate-window': { reason: 'not seen' } } })).toBe(
    'my-profile.json: point rate-window: expected "reading", or "unknown" with the reason, got an object with "reason"; write "reading" or "unknown"',
  );
});

// {"reading": "unknown"} read 'expected type number, got "unknown"' for cancel-visible-after, as if a
// number were wanted; an unknown point is written with its reason instead.
test('a reading written as "unknown" is told the form of an unknown point', () => {
  for (const point of ['cancel-visible-after', 'rate-window', 'final-state-cancel'])
    expect(problem({ profileVersion: 1, points: { [point]: { reading: 'unknown' } } })).toBe(
      `my-profile.json: point ${point}: an unknown point is written {"unknown": "why it is not known"}, not {"reading": "unknown"}`,
    );
});

test('a file of another version is refused', () => {
  expect(problem({ profileVersion: 2, points: {} })).toContain('profileVersion');
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
