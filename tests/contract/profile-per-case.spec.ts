import { parseProfile, readingOf } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { profileProblem as problem } from '../helpers/profile-problem.ts';

// A point read per case (final-state-cancel's answer for each final status, say): every case named,
// each with a lawful answer, and a key that names no case said to be one.

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

// A per-case reading with a case mistyped ("Canceled") or one the point has not ("list") was refused as
// 'expected property "status" to be present', which names neither the key nor the fix.
test('a reading per case that names a key no case of its point is, names the key and the cases', () => {
  const refusal = { status: 404, code: 'NotFound' };
  expect(
    problem({
      profileVersion: 1,
      points: { 'unknown-id': { reading: { cancel: refusal, get: refusal, list: refusal } } },
    }),
  ).toBe(
    'my-profile.json: point unknown-id reading: "list" is not a case of unknown-id; its cases are cancel, get',
  );
  expect(
    problem({
      profileVersion: 1,
      points: {
        'final-state-cancel': {
          reading: { Succeeded: refusal, Failed: refusal, Canceled: refusal, TimeOut: refusal },
        },
      },
    }),
  ).toBe(
    'my-profile.json: point final-state-cancel reading: "Canceled" is not a case of final-state-cancel; its cases are Succeeded, Failed, TimeOut, Cancelled',
  );
});

// Cases written in another case ("succeeded", "Get", "Missing") match none exactly: read as the simple
// form, the line asked for a "status" member or a string, which is not what to fix.
test('a per-case reading whose every key is a case spelt otherwise names the key and the cases', () => {
  const refusal = { status: 400, code: 'BadRequest' };
  const notFound = { status: 404, code: 'NotFound' };
  const final = { succeeded: refusal, failed: refusal, cancelled: refusal, timeout: refusal };
  expect(problem({ profileVersion: 1, points: { 'final-state-cancel': { reading: final } } })).toBe(
    'my-profile.json: point final-state-cancel reading: "succeeded" is not a case of final-state-cancel; its cases are Succeeded, Failed, TimeOut, Cancelled',
  );
  const byOperation = { Cancel: notFound, Get: notFound };
  expect(problem({ profileVersion: 1, points: { 'unknown-id': { reading: byOperation } } })).toBe(
    'my-profile.json: point unknown-id reading: "Cancel" is not a case of unknown-id; its cases are cancel, get',
  );
  const challenges = { Missing: 'Bearer', Invalid: 'Bearer' };
  expect(problem({ profileVersion: 1, points: { 'www-authenticate': { reading: challenges } } })).toBe(
    'my-profile.json: point www-authenticate reading: "Missing" is not a case of www-authenticate; its cases are missing, invalid',
  );
  // The simple form's own members are never taken for a case.
  expect(
    problem({ profileVersion: 1, points: { 'unknown-id': { reading: { status: 404 } } } }),
  ).not.toContain('is not a case');
});
