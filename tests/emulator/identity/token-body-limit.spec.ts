import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { expect, TENANT, test } from '../emulator-fixture.ts';

// The token endpoint's refusals are Entra-shaped (docs/emulator.md#token-errors), the one it answers
// before reading the request too: a body over the 64 KiB limit.

const CORRELATION = '9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e';

for (const path of ['oauth2/v2.0/token', 'oauth2/token']) {
  test(`a body over 64 KiB to /${path} answers 413 in Entra's shape`, async ({ emu }) => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'ops',
      client_secret: 'x'.repeat(70_000),
      scope: DEFAULT_SCOPE,
    });
    const res = await emu.app.inject({
      method: 'POST',
      url: `/${TENANT}/${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'client-request-id': CORRELATION },
      payload: form.toString(),
    });
    expect(res.statusCode).toBe(413);
    const body = res.json();
    expect(body).toMatchObject({
      error: 'invalid_request',
      error_codes: [],
      timestamp: '2026-01-05 09:00:00Z',
      correlation_id: CORRELATION,
    });
    expect(body.error_description).toMatch(/64 KiB/);
    expect(body.error_description).toMatch(
      `\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2026-01-05 09:00:00Z`,
    );
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['retry-after']).toBeUndefined();
  });
}

// MSAL reads "error" as a string: the API's envelope on a wrong method there was unreadable to it.
for (const method of ['GET', 'PUT'] as const) {
  test(`${method} on the token endpoint answers 405 with Allow, in Entra's shape`, async ({ emu }) => {
    const res = await emu.app.inject({ method, url: `/${TENANT}/oauth2/v2.0/token` });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    const body = res.json();
    expect(typeof body.error).toBe('string');
    expect(body.error_codes).toEqual([]);
  });
}

test('a wrong method on an API path still answers the API envelope', async ({ emu }) => {
  const res = await emu.app.inject({ method: 'PUT', url: '/api/machineactions' });
  expect(res.statusCode).toBe(405);
  expect(res.json().error.code).toBe('MethodNotAllowed');
});
