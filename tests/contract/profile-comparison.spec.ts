import {
  canonicalJson,
  compareProfiles,
  contractsApart,
  OPEN_POINTS,
  type PointComparison,
  type ProfileDocument,
} from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// docs/calibration.md#compare: two profiles point by point, by what their readings mean.

const profile = (points: Record<string, unknown>, hash?: string): ProfileDocument =>
  ({
    profileVersion: 1,
    ...(hash ? { source: { kind: 'observed', contractHash: hash } } : {}),
    points,
  }) as ProfileDocument;

const of = (list: PointComparison[], point: string) => list.find((p) => p.point === point)!;
const BAD_REQUEST = { status: 400, code: 'BadRequest' };
const CONFLICT = { status: 409, code: 'Conflict' };

test('every open point once: same, differ, read by one side only, or by neither', () => {
  const a = profile({
    'malformed-id': { reading: BAD_REQUEST },
    'rate-window': { reading: 'sliding' },
    'retry-after-form': { reading: 'delta-seconds' },
    'error-target': { unknown: 'not seen' },
  });
  const b = profile({
    'malformed-id': { reading: { code: 'BadRequest', status: 400 } },
    'rate-window': { reading: 'fixed-clock-aligned' },
    'error-target': { reading: true },
    connection: { unknown: 'not seen: none of the 3 test(s)' },
  });
  const compared = compareProfiles(a, b);
  expect(compared.map((p) => p.point)).toEqual([...OPEN_POINTS]);
  expect(of(compared, 'malformed-id'), 'member order does not count').toEqual({
    point: 'malformed-id',
    kind: 'same',
    reading: BAD_REQUEST,
  });
  expect(of(compared, 'rate-window')).toEqual({
    point: 'rate-window',
    kind: 'differ',
    cases: [{ a: 'sliding', b: 'fixed-clock-aligned' }],
  });
  expect(of(compared, 'retry-after-form')).toEqual({
    point: 'retry-after-form',
    kind: 'one-side',
    side: 'a',
    reading: 'delta-seconds',
    other: 'absent from the file',
  });
  expect(of(compared, 'error-target')).toEqual({
    point: 'error-target',
    kind: 'one-side',
    side: 'b',
    reading: true,
    other: 'unknown: not seen',
  });
  expect(of(compared, 'connection')).toEqual({
    point: 'connection',
    kind: 'neither',
    a: 'absent from the file',
    b: 'unknown: not seen: none of the 3 test(s)',
  });
});

test('a point with cases differs per case, and a per-case form whose cases agree is the simple form', () => {
  const perState = (cancelled: unknown) => ({
    reading: { Succeeded: BAD_REQUEST, Failed: BAD_REQUEST, Cancelled: cancelled, TimeOut: BAD_REQUEST },
  });
  const compared = compareProfiles(
    profile({
      'final-state-cancel': { reading: BAD_REQUEST },
      'www-authenticate': { reading: { missing: 'Bearer', invalid: 'Bearer' } },
      'unknown-id': { reading: { status: 404, code: 'NotFound' } },
    }),
    profile({
      'final-state-cancel': perState(CONFLICT),
      'www-authenticate': { reading: 'Bearer' },
      'unknown-id': {
        reading: {
          cancel: { status: 404, code: 'NotFound' },
          get: { status: 404, code: 'ResourceNotFound' },
        },
      },
    }),
  );
  expect(of(compared, 'final-state-cancel')).toEqual({
    point: 'final-state-cancel',
    kind: 'differ',
    cases: [{ which: 'Cancelled', a: BAD_REQUEST, b: CONFLICT }],
  });
  expect(of(compared, 'www-authenticate').kind).toBe('same');
  expect(of(compared, 'unknown-id')).toMatchObject({
    kind: 'differ',
    cases: [
      { which: 'get', a: { status: 404, code: 'NotFound' }, b: { status: 404, code: 'ResourceNotFound' } },
    ],
  });
});

test('readings with several spellings compare by meaning; a null per case is a reading', () => {
  const compared = compareProfiles(
    profile({
      'duplicate-create': { reading: 'reject' },
      'extra-members': { reading: { entity: ['b', 'a'], error: [] } },
      'www-authenticate': { reading: { missing: null, invalid: 'Bearer' } },
    }),
    profile({
      'duplicate-create': { reading: { status: 400, code: 'ActiveRequestAlreadyExists' } },
      'extra-members': { reading: { entity: ['a', 'b'], error: [] } },
      'www-authenticate': { reading: null },
    }),
  );
  expect(of(compared, 'duplicate-create').kind).toBe('same');
  expect(of(compared, 'extra-members').kind).toBe('same');
  expect(of(compared, 'www-authenticate')).toMatchObject({
    kind: 'differ',
    cases: [{ which: 'invalid', a: 'Bearer', b: null }],
  });
  expect(
    of(
      compareProfiles(
        profile({ 'duplicate-create': { reading: 'return-existing' } }),
        profile({ 'duplicate-create': { reading: { existing: 200 } } }),
      ),
      'duplicate-create',
    ).kind,
  ).toBe('differ');
});

test('contract hashes apart only when both files record one and they differ', () => {
  expect(contractsApart(profile({}, 'sha256:aa'), profile({}, 'sha256:bb'))).toEqual([
    'sha256:aa',
    'sha256:bb',
  ]);
  expect(contractsApart(profile({}, 'sha256:aa'), profile({}, 'sha256:aa'))).toBeUndefined();
  expect(contractsApart(profile({}, 'sha256:aa'), profile({}))).toBeUndefined();
});

test('canonical JSON orders members, never array items', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
});

// RFC 9110 §8.3.1: a media type's type, subtype and parameter names are case-insensitive, whitespace
// around ";" is optional and a value may be quoted; a charset's value is case-insensitive (§8.3.2). Two
// files spelling one Content-Type apart read "differ" and exit 1, failing a CI gate on a tenant that
// did not change (staging's observed `application/json; charset=utf-8`, a hand-written `...;charset=UTF-8`).
test('json-media-type: one media type spelt apart is the same reading; another parameter differs', () => {
  const media = (contentType: string) =>
    profile({ 'json-media-type': { reading: { contentType, odataVersion: null } } });
  const base = media('application/json; charset=utf-8');
  for (const spelt of [
    'Application/JSON;charset=UTF-8',
    'application/json ;  Charset="utf-8"',
    'APPLICATION/JSON; CHARSET=Utf-8',
  ])
    expect(of(compareProfiles(base, media(spelt)), 'json-media-type').kind, spelt).toBe('same');
  for (const other of [
    'application/json',
    'application/json; charset=utf-16',
    'application/json; odata.metadata=minimal; charset=utf-8',
    'text/json; charset=utf-8',
  ])
    expect(of(compareProfiles(base, media(other)), 'json-media-type').kind, other).toBe('differ');
  // A quoted value keeps what it holds: one parameter is not two.
  const quoted = of(
    compareProfiles(media('application/json; a="x;b=y"'), media('application/json; a=x; b=y')),
    'json-media-type',
  );
  expect(quoted.kind).toBe('differ');
  // OData-Version is compared as written.
  const odata = (odataVersion: string | null) =>
    profile({ 'json-media-type': { reading: { contentType: 'application/json', odataVersion } } });
  expect(of(compareProfiles(odata('4.0'), odata(null)), 'json-media-type').kind).toBe('differ');
});

// RFC 9110 §11.1-11.2: an auth-scheme and the names of its parameters are case-insensitive, the
// whitespace around "," and "=" is optional, and a value may be a token or a quoted-string alike. A
// 401's challenge spelt apart by two files of one tenant read "differ" and exited 1.
test('www-authenticate: one challenge spelt apart is the same reading; another value differs', () => {
  const challenge = (value: string | null) => profile({ 'www-authenticate': { reading: value } });
  const base = challenge('Bearer realm="", error="invalid_token"');
  for (const spelt of ['bearer Realm="",error=invalid_token', 'BEARER  realm = "" ,  ERROR="invalid_token"'])
    expect(of(compareProfiles(base, challenge(spelt)), 'www-authenticate').kind, spelt).toBe('same');
  for (const other of [
    'Bearer realm="", error="invalid_request"',
    'Bearer realm=""',
    'Basic realm="", error="invalid_token"',
    null,
  ])
    expect(of(compareProfiles(base, challenge(other)), 'www-authenticate').kind, String(other)).toBe(
      'differ',
    );
});
