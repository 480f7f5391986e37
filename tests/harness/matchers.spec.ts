import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import { checkExchange } from '../../src/harness/http/exchange-checks.ts';
import { registerSecret } from '../../src/harness/redaction/redact.ts';
import { contractExpect as expect } from '../fixtures/matchers.ts';
import { expect as base, test } from '../helpers/api-test.ts';
import { answer as exchange } from './answers.ts';

function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colours of the hint.
    return (error as Error).message.replace(/\u001b\[[0-9;]*m/g, '');
  }
  throw new Error('the matcher passed');
}

test.describe('matchers', () => {
  test('a 429 where a test expects another status is no verdict, except in the rate tests', () => {
    const throttled = exchange(429, { error: { code: 'TooManyRequests', message: 'm' } });
    for (const judge of [
      () => expect(throttled).toHaveStatus(200),
      () => expect(throttled).toBeErrorEnvelope('4xx'),
      () => expect(throttled).toBeErrorEnvelope(404, ['NotFound']),
    ])
      base(failure(judge)).toContain('throttled');
    base(() => expect(throttled).toHaveStatus(200)).toThrow(PreconditionError);
    // Compared with a throttled answer (PATH.VERSIONED expects the status the plain path got).
    base(() =>
      expect(exchange(404, { error: { code: 'NotFound', message: 'm' } })).toHaveStatus(429),
    ).toThrow(PreconditionError);
    expect(throttled).toHaveStatus([200, 429]);
    test.info().annotations.push({ type: 'requirement', description: 'RATE.RECOVER' });
    base(() => expect(throttled).toHaveStatus(200)).not.toThrow(PreconditionError);
    base(failure(() => expect(throttled).toHaveStatus(200))).toContain('toHaveStatus');
  });

  test('toBeErrorEnvelope names status, JSON path and code, with a redacted excerpt', () => {
    const secret = 'tok-9f8e7d6c5b4a';
    registerSecret(secret);
    const message = failure(() =>
      expect(exchange(400, { error: { code: 'BadRequest', message: secret } })).toBeErrorEnvelope(404, [
        'NotFound',
      ]),
    );
    base(message).toContain('expect(exchange).toBeErrorEnvelope');
    base(message).toContain('GET /api/machineactions/{id} → 400');
    base(message).toContain('status: expected 404, got 400');
    base(message).toContain('/error/code: expected one of ["NotFound"], got "BadRequest"');
    base(message).not.toContain(secret);
    const shape = failure(() => expect(exchange(404, { code: 'NotFound' })).toBeErrorEnvelope(404));
    base(shape).toContain('property "error" to be present');
  });

  // An emulator author's HTML error page, or an empty body, must read as what it is, not "got nothing".
  test('toBeErrorEnvelope, toBeThrottled and toMatchContract name a body that is not JSON, or none', () => {
    const html = '<html><body><h1>404 Not Found</h1></body></html>';
    const page = { ...exchange(404, undefined, { 'content-type': 'text/html' }), text: html };
    const message = failure(() => expect(page).toBeErrorEnvelope(404));
    base(message).toContain('body: expected the JSON error envelope, got text/html that is not JSON');
    base(message).not.toContain('got nothing');
    const empty = failure(() => expect(exchange(404, undefined)).toBeErrorEnvelope(404));
    base(empty).toContain('body: expected the JSON error envelope, got an empty body');
    const throttled = {
      ...exchange(429, undefined, { 'content-type': 'text/plain', 'retry-after': '5' }),
      text: 'slow down',
    };
    base(failure(() => expect(throttled).toBeThrottled())).toContain('got text/plain that is not JSON');
    const contract = failure(() => expect(page).toMatchContract());
    base(contract).toContain(
      'body: expected the JSON body the contract gives it, got text/html that is not JSON',
    );
  });

  test('toBeErrorEnvelope passes for any listed status and code', () => {
    expect(exchange(404, { error: { code: 'ResourceNotFound', message: 'm' } })).toBeErrorEnvelope(
      [400, 404],
      ['NotFound', 'ResourceNotFound'],
    );
    expect(exchange(409, { error: { code: 'Conflict', message: 'm' } })).toBeErrorEnvelope('4xx');
  });

  test('toMatchContract shows the offending path', () => {
    const message = failure(() =>
      expect(
        exchange(200, { id: 'a', type: 'Isolate', status: 'Canceled', creationDateTimeUtc: 'now' }),
      ).toMatchContract(),
    );
    base(message).toContain('/status: expected one of');
    base(message).toContain('"Canceled"');
    base(message).toContain('/creationDateTimeUtc: expected a date-time string');
  });

  test('toBeThrottled checks 429, TooManyRequests and a usable Retry-After', () => {
    const body = { error: { code: 'TooManyRequests', message: 'slow down' } };
    expect(exchange(429, body, { 'content-type': 'application/json', 'retry-after': '30' })).toBeThrottled({
      maxRetryAfter: 60,
    });
    const date = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
    const later = new Date(date.getTime() + 45_000);
    expect(
      exchange(429, body, { date: date.toUTCString(), 'retry-after': later.toUTCString() }),
    ).toBeThrottled({ maxRetryAfter: 60 });
    base(
      failure(() =>
        expect(exchange(429, body, { 'retry-after': '120' })).toBeThrottled({ maxRetryAfter: 60 }),
      ),
    ).toContain('Retry-After: expected at most 60 s, got "120"');
    base(failure(() => expect(exchange(429, body, {})).toBeThrottled())).toContain(
      'Retry-After: expected delta-seconds or an HTTP-date, got no Retry-After header',
    );
  });
});

test.describe('per-exchange checks', () => {
  test('an HTTP-date Retry-After may name one second past the bound: a server rounds its date up', () => {
    const throttled = (retryAfter: string) =>
      exchange(
        429,
        { error: { code: 'TooManyRequests', message: 'm' } },
        {
          'content-type': 'application/json',
          date: 'Wed, 02 Dec 2026 01:42:03 GMT',
          'retry-after': retryAfter,
        },
      );
    // 60 s after 01:42:03.400 is 01:43:03.400, rounded up to 01:43:04: 61 s after the truncated Date.
    expect(throttled('Wed, 02 Dec 2026 01:43:04 GMT')).toHaveRetryAfter({ above: 0, atMost: 60 });
    expect(throttled('Wed, 02 Dec 2026 01:43:05 GMT')).not.toHaveRetryAfter({ above: 0, atMost: 60 });
    // Delta-seconds have no such rounding: 61 is 61.
    expect(throttled('61')).not.toHaveRetryAfter({ above: 0, atMost: 60 });
    expect(throttled('60')).toHaveRetryAfter({ above: 0, atMost: 60 });
  });

  test('an error without a body has nothing to validate; a success without one does', () => {
    base(checkExchange(exchange(401, undefined, { 'www-authenticate': 'Bearer' }))).toEqual([]);
    base(checkExchange(exchange(200, undefined)).map((v) => v.id)).toEqual(['SCHEMA.ENTITY']);
  });

  // What a 401 to a bad token carries is open: ASP.NET's stock body, plain text or an OAuth error.
  test('the body of a 401 to a request that carried a token is not judged', () => {
    const stock = exchange(401, { Message: 'Authorization has been denied for this request.' });
    base(checkExchange(stock)).toEqual([]);
    const plain = { ...exchange(401, undefined, { 'content-type': 'text/plain' }), text: 'Unauthorized' };
    base(checkExchange(plain)).toEqual([]);
    base(checkExchange({ ...stock, requestHeaders: {} }).map((v) => v.id)).toEqual(['SCHEMA.ERROR']);
  });

  // The 403 AUTH.AUDIENCE provokes is documented by its status alone (independent emulator, variant a,
  // answers ASP.NET's stock body): SCHEMA.ERROR (a MUST) failed it before. A 403 to the API's own
  // token (PERM.NONE's) stays held to the envelope.
  test('the body of a 403 to a token for another resource is not judged', () => {
    const token = (aud: string) =>
      `Bearer e30.${Buffer.from(JSON.stringify({ aud })).toString('base64url')}.sig`;
    const stock = exchange(403, { Message: 'Authorization has been denied for this request.' });
    for (const aud of ['https://management.azure.com', 'https://management.azure.com/'])
      base(checkExchange({ ...stock, requestHeaders: { authorization: token(aud) } })).toEqual([]);
    const own = {
      ...stock,
      requestHeaders: { authorization: token('https://api.securitycenter.microsoft.com') },
    };
    base(checkExchange(own).map((v) => v.id)).toEqual(['SCHEMA.ERROR']);
    base(checkExchange(stock).map((v) => v.id)).toEqual(['SCHEMA.ERROR']);
  });

  // A target that does not serve /api/v1.0 breaks PATH.VERSIONED (a SHOULD), and its 404 there is its
  // framework's (the fault no-versioned-path-stock-404): SCHEMA.ERROR (a MUST) failed it before.
  test('a 404 under /api/v1.0 without the envelope is PATH.VERSIONED, not SCHEMA.ERROR', () => {
    const stock = { Message: "No HTTP resource was found that matches the request URI '/api/v1.0/x'." };
    const versioned = (e: Exchange): Exchange => ({
      ...e,
      url: 'http://target.test/api/v1.0/machineactions/x',
      pathTemplate: '/api/v1.0/machineactions/{id}',
    });
    const html = { ...exchange(404, undefined, { 'content-type': 'text/html' }), text: '<h1>Not Found</h1>' };
    for (const unrouted of [exchange(404, stock), html])
      base(checkExchange(versioned(unrouted)).map((v) => v.id)).toEqual(['PATH.VERSIONED']);
    // Under /api the same bodies stay SCHEMA.ERROR's, as does any other status under /api/v1.0.
    base(checkExchange(exchange(404, stock)).map((v) => v.id)).toEqual(['SCHEMA.ERROR']);
    base(checkExchange(versioned(exchange(400, stock))).map((v) => v.id)).toEqual(['SCHEMA.ERROR']);
  });

  // The API's error table lists InternalServerError (500) with no message (docs/contract.md#server-error-message):
  // a tenant's 500 asked again and answered {"error":{"code":"InternalServerError"}} twice failed
  // SCHEMA.ERROR (a MUST) before. A refusal (4xx) without message, or a 5xx without code, still fails it.
  test('a 5xx envelope may leave out the message; a 4xx envelope may not, nor a 5xx the code', () => {
    const requirements = (e: Exchange) => checkExchange(e).map((v) => v.id);
    for (const status of [500, 503])
      base(requirements(exchange(status, { error: { code: 'InternalServerError' } }))).toEqual([]);
    base(
      requirements(exchange(500, { error: { code: 'InternalServerError', message: 'm', target: 't' } })),
    ).toEqual([]);
    base(requirements(exchange(404, { error: { code: 'NotFound' } }))).toEqual(['SCHEMA.ERROR']);
    base(requirements(exchange(500, { error: { message: 'm' } }))).toEqual(['SCHEMA.ERROR']);
    base(requirements(exchange(500, { error: { code: '' } }))).toEqual(['SCHEMA.ERROR']);
    base(requirements(exchange(500, { Message: 'An error has occurred.' }))).toEqual(['SCHEMA.ERROR']);
  });

  test('a valid answer has no violation', () => {
    base(checkExchange(exchange(404, { error: { code: 'NotFound', message: 'm' } }))).toEqual([]);
  });

  test('2xx, 4xx, content type and Retry-After problems name their requirement', () => {
    const requirements = (e: Exchange) => checkExchange(e).map((v) => v.id);
    base(requirements(exchange(200, { id: 'a' }))).toContain('SCHEMA.ENTITY');
    const withoutToken = { ...exchange(401, { message: 'no' }), requestHeaders: {} };
    base(requirements(withoutToken)).toContain('SCHEMA.ERROR');
    base(
      requirements(
        exchange(404, { error: { code: 'NotFound', message: 'm' } }, { 'content-type': 'text/plain' }),
      ),
    ).toEqual(['SCHEMA.CONTENTTYPE']);
    base(requirements(exchange(429, { error: { code: 'TooManyRequests', message: 'm' } }))).toEqual([
      'RATE.RETRYAFTER',
    ]);
  });
});
