import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { passiveReadings } from '../../../src/harness/observation/passive-readings.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer, ENTITY } from '../stand-ins/answers.ts';

// What one exchange tells of the open points from the wire alone (how a reading is then recorded:
// recorded-readings.spec.ts; the unknown-id reading of actions a test holds: held-action-readings.spec.ts).
const readings = (x: Exchange) =>
  Object.fromEntries(
    passiveReadings(x).map((r) => [r.point, r.unreadable ? { unreadable: r.unreadable } : r.reading]),
  );

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

  test("a body the connection's close ends tells no framing reading, and says so", () => {
    const { 'content-length': _length, ...closeDelimited } = answer(200, ENTITY).headers;
    expect(readings({ ...answer(200, ENTITY), headers: closeDelimited }).framing).toEqual({
      unreadable: 'a body ended by the connection closing (neither Transfer-Encoding nor Content-Length)',
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
