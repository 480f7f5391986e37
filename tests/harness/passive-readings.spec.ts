import { findingsOf } from '../../src/harness/evidence/finding.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import { observeExchange, passiveReadings } from '../../src/harness/observation/passive-readings.ts';
import { lawfulnessProblem } from '../../src/harness/observation/record-reading.ts';
import { noteExists } from '../../src/harness/observation/seen-states.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

const readings = (x: Exchange) =>
  Object.fromEntries(
    passiveReadings(x).map((r) => [r.point, r.unreadable ? { unreadable: r.unreadable } : r.reading]),
  );

const ENTITY = {
  id: 'a',
  type: 'RunAntiVirusScan',
  status: 'Pending',
  creationDateTimeUtc: '2026-12-02T10:00:00.123Z',
  lastUpdateDateTimeUtc: '2026-12-02T10:00:00.1234567Z',
};

test.describe('passive readings, from the wire alone', () => {
  test('an entity tells media type, @odata.context, precision, extra members, connection and framing', () => {
    const x = answer(
      200,
      { ...ENTITY, '@odata.etag': 'W/"1"', investigationId: 7 },
      { 'odata-version': '4.0' },
    );
    expect(readings(x)).toEqual({
      connection: 'keep-alive',
      framing: 'content-length',
      'json-media-type': { contentType: 'application/json', odataVersion: '4.0' },
      'odata-context': false,
      'extra-members': { entity: ['@odata.etag', 'investigationId'] },
      'timestamp-precision': 7,
    });
  });

  test('a collection reads its items; whole-second timestamps have 0 digits', () => {
    const body = {
      '@odata.context': 'https://x/api/$metadata#MachineActions',
      '@odata.count': 1,
      value: [
        {
          ...ENTITY,
          creationDateTimeUtc: '2026-12-02T10:00:00Z',
          lastUpdateDateTimeUtc: '2026-12-02T10:00:01Z',
        },
      ],
    };
    const seen = readings(answer(200, body, { connection: 'close', 'transfer-encoding': 'chunked' }));
    expect(seen).toMatchObject({
      connection: 'close',
      framing: 'chunked',
      'odata-context': true,
      'extra-members': { entity: [] },
      'timestamp-precision': 0,
    });
  });

  test('an @odata.context or error.target sent as null reads as not sent', () => {
    expect(readings(answer(200, { ...ENTITY, '@odata.context': null }))['odata-context']).toBe(false);
    const error = { error: { code: 'NotFound', message: 'm', target: null } };
    expect(readings(answer(404, error))['error-target']).toBe(false);
  });

  test('an error tells error.target and its extra members; a 401 its WWW-Authenticate, per case', () => {
    const error = { error: { code: 'Unauthorized', message: 'm', innerError: { date: 'd' } } };
    // The answer was sent with a (bad) token: the "invalid" case of docs/calibration.md#per-case.
    expect(readings(answer(401, error, { 'www-authenticate': 'Bearer realm="x"' }))).toMatchObject({
      'error-target': false,
      'extra-members': { error: ['innerError'] },
      'www-authenticate': { invalid: 'Bearer realm="x"' },
    });
    const bare = answer(401, { error: { code: 'Unauthorized', message: 'm', target: 't' } });
    expect(readings({ ...bare, requestHeaders: {} })).toMatchObject({
      'error-target': true,
      'www-authenticate': { missing: null },
    });
    // A 401 without a body still tells its header.
    expect(
      readings({ ...answer(401, undefined, { 'www-authenticate': 'Bearer' }), requestHeaders: {} }),
    ).toEqual({
      connection: 'keep-alive',
      'www-authenticate': { missing: 'Bearer' },
    });
  });

  test('a 404 to a GET or cancel of a GUID tells unknown-id, per operation; another 404 tells nothing', () => {
    const id = '0b8c4e5e-5f4a-4f0e-9a53-1c2d3e4f5a6b';
    const gone = { error: { code: 'ResourceNotFound', message: 'm' } };
    const get = { ...answer(404, gone), url: `http://target.test/api/machineactions/${id}` };
    expect(readings(get)['unknown-id']).toEqual({ get: { status: 404, code: 'ResourceNotFound' } });
    const cancel = {
      ...get,
      operationId: 'CancelMachineAction',
      method: 'POST',
      url: `${get.url}/cancel`,
      pathTemplate: '/api/machineactions/{id}/cancel',
    };
    expect(readings(cancel)['unknown-id']).toEqual({ cancel: { status: 404, code: 'ResourceNotFound' } });
    expect(readings(answer(404, gone))).not.toHaveProperty('unknown-id');
  });

  test('a 429 tells the form of Retry-After; an unreadable one tells nothing', () => {
    const busy = { error: { code: 'TooManyRequests', message: 'm' } };
    expect(readings(answer(429, busy, { 'retry-after': '30' }))['retry-after-form']).toBe('delta-seconds');
    expect(
      readings(answer(429, busy, { 'retry-after': 'Wed, 02 Dec 2026 01:43:04 GMT' }))['retry-after-form'],
    ).toBe('http-date');
    // The obsolete forms are HTTP-dates as well (RFC 9110 §5.6.7).
    for (const date of ['Wednesday, 02-Dec-26 01:43:04 GMT', 'Wed Dec  2 01:43:04 2026'])
      expect(readings(answer(429, busy, { 'retry-after': date }))['retry-after-form'], date).toBe(
        'http-date',
      );
    expect(readings(answer(429, busy, { 'retry-after': 'soon' }))).not.toHaveProperty('retry-after-form');
  });

  test('a body that is not JSON tells no media type; JSON labelled otherwise tells an unlawful one', () => {
    const x = { ...answer(200, undefined, { 'content-type': 'text/html' }), text: '<html>' };
    expect(readings(x)).toEqual({ connection: 'keep-alive', framing: 'content-length' });
    expect(readings(answer(200, ENTITY, { 'content-type': 'text/plain' }))['json-media-type']).toEqual({
      unreadable: 'a JSON body labelled Content-Type "text/plain"',
    });
  });
});

test.describe('lawful readings come from the profile schema', () => {
  test('a reading outside the lawful ones says what is wrong', () => {
    expect(lawfulnessProblem('unknown-id', { status: 404, code: 'NotFound' })).toBeUndefined();
    expect(lawfulnessProblem('unknown-id', { status: 404, code: 'Missing' })).toMatch(
      /not a lawful reading.*code/,
    );
    expect(lawfulnessProblem('final-state-cancel', { status: 200, code: 'OK' })).toMatch(/status/);
    expect(lawfulnessProblem('timestamp-precision', 9)).toMatch(/not a lawful reading/);
    expect(lawfulnessProblem('extra-members', { error: ['innerError'] })).toBeUndefined();
  });

  test('an answer of one case is read by the lawful readings of that point, and names the case', () => {
    expect(lawfulnessProblem('www-authenticate', { missing: 'Bearer' })).toBeUndefined();
    expect(lawfulnessProblem('final-state-cancel', { Cancelled: { status: 409, code: 'Conflict' } })).toBe(
      undefined,
    );
    expect(lawfulnessProblem('unknown-id', { get: { status: 404, code: 'Missing' } })).toMatch(
      /not a lawful reading.* for get$/,
    );
    expect(lawfulnessProblem('final-state-cancel', { Succeeded: { status: 200, code: 'OK' } })).toMatch(
      / for Succeeded$/,
    );
  });
});

test('the running test keeps each reading once, with evidence that holds no request header', () => {
  const x = answer(401, { error: { code: 'Unauthorized', message: 'm' } }, { 'www-authenticate': 'Bearer' });
  for (let i = 0; i < 50; i++) observeExchange(x);
  observeExchange({ ...x, headers: { ...x.headers, 'www-authenticate': 'Negotiate' } });
  const kept = findingsOf(test.info().annotations).filter((f) => f.kind === 'reading');
  expect(kept.filter((f) => f.point === 'www-authenticate').map((f) => f.reading)).toEqual([
    { invalid: 'Bearer' },
    { invalid: 'Negotiate' },
  ]);
  expect(kept.find((f) => f.point === 'www-authenticate')?.evidence).toEqual({
    exchange: 'GET /api/machineactions/{id} → 401',
    status: 401,
    code: 'Unauthorized',
    headers: { 'www-authenticate': 'Bearer' },
  });
  expect(JSON.stringify(kept)).not.toContain('secret-token-value');
});

// A 404 to a cancel of an action the test holds is another point's lawful refusal (a final-state
// cancel, a cancel without a body, ...), not an unknown id: read as one, it contradicted the real
// unknown-id answers and left the point unknown.
test('a 404 to a cancel of an action the test holds tells nothing of unknown-id', () => {
  const id = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
  const read = {
    ...answer(200, { ...ENTITY, id, status: 'Succeeded' }),
    url: `http://target.test/api/machineactions/${id}`,
  };
  const refused = {
    ...answer(404, { error: { code: 'ActionNotFound', message: 'm' } }),
    operationId: 'CancelMachineAction',
    method: 'POST',
    url: `${read.url}/cancel`,
    pathTemplate: '/api/machineactions/{id}/cancel',
  };
  observeExchange(read);
  observeExchange(refused);
  const seeded = '9e8d7c6b-5a49-4382-9100-ffeeddccbbaa';
  noteExists(seeded, test.info());
  observeExchange({ ...refused, url: `http://target.test/api/machineactions/${seeded}/cancel` });
  const kept = findingsOf(test.info().annotations).filter((f) => 'point' in f && f.point === 'unknown-id');
  expect(kept).toEqual([]);
});

// Another tenant's action is an unknown id to the caller (docs/contract.md#unknown-id: "or another
// tenant's"): CANCEL.TENANT's 404 is a reading of the point even though the test holds that action in
// its own tenant. Held ids are known per tenant, or that reading is lost.
test("a 404 to another tenant's caller for an action the test holds is an unknown-id reading", () => {
  const bearer = (tid: string) =>
    `Bearer e30.${Buffer.from(JSON.stringify({ tid })).toString('base64url')}.sig`;
  const id = '3c2b1a09-8f7e-4d6c-9b5a-4a3b2c1d0e0f';
  const url = `http://target.test/api/machineactions/${id}`;
  const read = { ...answer(200, { ...ENTITY, id }), url, requestHeaders: { authorization: bearer('home') } };
  const stranger = {
    ...answer(404, { error: { code: 'NotFound', message: 'm' } }),
    operationId: 'CancelMachineAction',
    method: 'POST',
    url: `${url}/cancel`,
    pathTemplate: '/api/machineactions/{id}/cancel',
    requestHeaders: { authorization: bearer('other') },
  };
  observeExchange(read);
  observeExchange(stranger);
  // The owner's own 404 to it is still another point's refusal.
  observeExchange({ ...stranger, requestHeaders: read.requestHeaders });
  const kept = findingsOf(test.info().annotations).filter((f) => 'point' in f && f.point === 'unknown-id');
  expect(kept.map((f) => ('reading' in f ? f.reading : f))).toEqual([
    { cancel: { status: 404, code: 'NotFound' } },
  ]);
});
