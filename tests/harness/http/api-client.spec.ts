import type { APIRequestContext } from '@playwright/test';
import { findingsOf, ofKind } from '../../../src/harness/evidence/finding.ts';
import { ApiClient } from '../../../src/harness/http/api-client.ts';
import { registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A target that answers every request the same way, and remembers what it was sent.
function client(
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const sent: { url: string; method: string; headers: Record<string, string>; data?: Buffer }[] = [];
  const request = {
    fetch: async (
      url: string,
      options: { method: string; headers: Record<string, string>; data?: Buffer },
    ) => {
      sent.push({ url, ...options });
      return {
        status: () => status,
        headers: () => headers,
        body: async () => Buffer.from(body === undefined ? '' : JSON.stringify(body)),
        dispose: async () => {},
      };
    },
  } as unknown as APIRequestContext;
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXN1YmplY3QifQ.c2lnbmF0dXJlLXZhbHVl';
  registerSecret(token);
  const api = new ApiClient({
    http: { request: async () => request, timeoutMs: 10_000 },
    baseUrl: 'http://target.test',
    caller: { label: 'operator', authorization: async () => `Bearer ${token}` },
  });
  return { api, sent, token };
}

const violations = () =>
  ofKind(findingsOf(test.info().annotations), 'violation').map((v) => `${v.id}: ${v.text}`);

test.describe('API client', () => {
  test('sends JSON with the bearer token, under /api or /api/v1.0', async () => {
    const { api, sent, token } = client(404, { error: { code: 'NotFound', message: 'm' } });
    await api.cancel('abc', { Comment: 'c' });
    await api.get('abc', { versioned: true });
    await api.list({ $filter: "status eq 'Succeeded'", $top: 1 });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST http://target.test/api/machineactions/abc/cancel',
      'GET http://target.test/api/v1.0/machineactions/abc',
      "GET http://target.test/api/machineactions?$filter=status%20eq%20'Succeeded'&$top=1",
    ]);
    expect(sent[0]!.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
    expect(sent[0]!.data?.toString()).toBe('{"Comment":"c"}');
  });

  // CANCEL.BADID's `${id};v=1` is lawful to refuse only so: a literal ';' starts a path parameter, which
  // a servlet container strips before routing (the id would name the action), while %3B is data
  // (RFC 3986 §2.2), part of an id that is no GUID.
  test("an id's reserved characters are percent-encoded in the path", async () => {
    const { api, sent } = client(404, { error: { code: 'NotFound', message: 'm' } });
    await api.cancel('abc;v=1');
    await api.get('abc/x?y#z');
    expect(sent.map((s) => s.url)).toEqual([
      'http://target.test/api/machineactions/abc%3Bv%3D1/cancel',
      'http://target.test/api/machineactions/abc%2Fx%3Fy%23z',
    ]);
  });

  test('raw bodies, other content types, no body and no Authorization are sent as asked', async () => {
    const { api, sent } = client(400, { error: { code: 'BadRequest', message: 'm' } });
    await api.cancel('abc', undefined, {
      raw: '{"Comment": ',
      contentType: 'text/plain',
      authorization: null,
    });
    await api.cancel('abc', null);
    // Nothing but what was asked, and the codings the request context can undo (transport.ts).
    expect(sent[0]!.headers).toEqual({
      accept: 'application/json',
      'accept-encoding': 'gzip, br',
      'content-type': 'text/plain',
    });
    expect(sent[0]!.data?.toString()).toBe('{"Comment": ');
    expect(sent[1]!.data).toBeUndefined();
    expect(sent[1]!.headers['content-type']).toBeUndefined();
  });

  test('a conforming answer records no violation', async () => {
    const { api } = client(404, { error: { code: 'NotFound', message: 'm' } });
    await api.cancel('abc');
    expect(violations()).toEqual([]);
  });

  test('contract problems become violation annotations, once each, and do not throw', async () => {
    const { api } = client(
      200,
      {
        id: 'abc',
        type: 'RunAntiVirusScan',
        status: 'Canceled',
        creationDateTimeUtc: '2026-01-01T00:00:00Z',
      },
      { 'content-type': 'text/plain' },
    );
    const res = await api.cancel('abc');
    await api.cancel('abc');
    expect(res.status).toBe(200);
    expect(violations()).toEqual([
      expect.stringMatching(
        /^SCHEMA\.ENTITY: POST \/api\/machineactions\/\{id\}\/cancel → 200: \/status expected one of .*got "Canceled"$/,
      ),
      'SCHEMA.CONTENTTYPE: POST /api/machineactions/{id}/cancel → 200: Content-Type expected application/json, got "text/plain"',
    ]);
  });

  test('an error body that is not the envelope is a SCHEMA.ERROR violation', async () => {
    // (Not a 401: the body of a 401 to a request with a token is open and not judged.)
    const { api } = client(404, { message: 'Not found' });
    await api.get('abc');
    expect(violations()).toEqual([
      'SCHEMA.ERROR: GET /api/machineactions/{id} → 404: / expected property "error" to be present, got {"message":"Not found"}',
    ]);
  });

  test('a 429 without a usable Retry-After in a rate test is a RATE.RETRYAFTER violation', async () => {
    test.info().annotations.push({ type: 'requirement', description: 'RATE.MINUTE' });
    const { api } = client(429, { error: { code: 'TooManyRequests', message: 'm' } });
    await api.cancel('abc');
    expect(violations()).toEqual([
      'RATE.RETRYAFTER: POST /api/machineactions/{id}/cancel → 429: Retry-After expected delta-seconds or HTTP-date above 0, got no Retry-After header',
    ]);
  });

  // Outside the rate tests a 429 may be the CPU quota or another caller's share of the quota, which
  // the documentation gives no Retry-After: a tenant answering so is lawful there.
  test('a 429 without a Retry-After outside the rate tests is no RATE.RETRYAFTER violation', async () => {
    test.info().annotations.push({ type: 'requirement', description: 'CANCEL.OK' });
    const { api } = client(429, { error: { code: 'TooManyRequests', message: 'm' } });
    await api.cancel('abc');
    expect(violations()).toEqual([]);
  });

  test('each exchange is attached, redacted, to a step named after it', async () => {
    const { api, token } = client(404, { error: { code: 'NotFound', message: 'm' } });
    await api.cancel('abc', { Comment: 'c' });
    const attachment = test
      .info()
      .attachments.find((a) => a.name === 'POST /api/machineactions/{id}/cancel → 404');
    expect(attachment).toBeDefined();
    const text = attachment!.body!.toString();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toMatchObject({
      method: 'POST',
      request: { headers: { authorization: 'Bearer [REDACTED]' }, body: '{"Comment":"c"}' },
      response: { status: 404, body: { error: { code: 'NotFound' } } },
    });
  });
});
