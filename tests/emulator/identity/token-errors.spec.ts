import { decodeJwt } from 'jose';
import { ENTRA_ERRORS, entraErrorByCode } from '../../../src/contract/entra-errors.ts';
import { DEFAULT_SCOPE, getContract } from '../../../src/contract/index.ts';
import { expect, START_MS, TENANT, test } from '../emulator-fixture.ts';

// The token endpoint's refusals as Entra ID shapes them (docs/interfaces.md#token-errors), and what
// Microsoft's libraries add to a request (fields, query, headers) accepted as Entra accepts it.

const valid = { client_id: 'ops', client_secret: 'pw', scope: DEFAULT_SCOPE };
const CORRELATION = '9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e';

test.beforeEach(async ({ emu }) => {
  const res = await emu.control('POST', '/apps', {
    tenantId: TENANT,
    clientId: 'ops',
    clientSecret: 'pw',
    roles: ['Machine.Read.All'],
  });
  expect(res.statusCode).toBe(201);
});

test('a refusal carries error, error_description, error_codes, timestamp, trace_id and correlation_id', async ({
  emu,
}) => {
  const res = await emu.requestToken(TENANT, { ...valid, client_secret: 'wrong' });
  expect(res.statusCode).toBe(401);
  const body = res.json();
  expect(body).toMatchObject({
    error: 'invalid_client',
    error_codes: [7000215],
    timestamp: '2026-01-05 09:00:00Z',
    error_uri: 'https://login.microsoftonline.com/error?code=7000215',
  });
  expect(body.error_description).toBe(
    `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client ` +
      `secret value, not the client secret ID, for a secret added to app 'ops'.\r\n` +
      `Trace ID: ${body.trace_id}\r\nCorrelation ID: ${body.correlation_id}\r\nTimestamp: 2026-01-05 09:00:00Z`,
  );
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['retry-after']).toBeUndefined();
  expect(res.headers['cache-control']).toContain('no-store');
  expect(getContract().validateResponse('AcquireToken', 401, body).valid).toBe(true);
});

test('the correlation id is the client-request-id the client sent, as header or in the query', async ({
  emu,
}) => {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...valid, client_secret: 'x' });
  for (const [url, headers] of [
    [`/${TENANT}/oauth2/v2.0/token?client-request-id=${CORRELATION}`, {}],
    [`/${TENANT}/oauth2/v2.0/token`, { 'client-request-id': CORRELATION }],
  ] as const) {
    const res = await emu.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: form.toString(),
    });
    expect(res.json().correlation_id).toBe(CORRELATION);
  }
});

for (const [name, tenant, fields, code] of [
  ['an unknown tenant', '11111111-2222-4333-8444-555555555555', valid, 90002],
  ['the common endpoint', 'common', valid, 90010],
  ['an unknown app', TENANT, { ...valid, client_id: 'nobody' }, 700016],
  ['no credential at all', TENANT, { client_id: 'ops', scope: DEFAULT_SCOPE }, 7000218],
  [
    'a scope without /.default',
    TENANT,
    { ...valid, scope: 'https://api.securitycenter.microsoft.com/Machine.Read' },
    1002012,
  ],
  ['no client_id', TENANT, { client_secret: 'pw', scope: DEFAULT_SCOPE }, 900144],
] as const) {
  test(`${name} answers AADSTS${code} with the error and status of src/contract/entra-errors.ts`, async ({
    emu,
  }) => {
    const res = await emu.requestToken(tenant, fields);
    const entry = entraErrorByCode(code)!;
    expect(res.statusCode).toBe(entry.status);
    expect(res.json()).toMatchObject({ error: entry.error, error_codes: [code] });
    expect(res.json().error_description).toMatch(new RegExp(`^AADSTS${code}: \\S`));
    expect(getContract().validateResponse('AcquireToken', entry.status, res.json()).valid).toBe(true);
  });
}

// The first of two values was taken: a wrong secret before the right one was refused, the reverse
// signed in, where Entra refuses a repeated parameter (RFC 6749 3.2).
test('a parameter sent twice answers AADSTS9000411 invalid_request, whichever value comes first', async ({
  emu,
}) => {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...valid });
  for (const [name, value] of [
    ['client_secret', 'wrong'],
    ['scope', DEFAULT_SCOPE],
  ] as const) {
    const twice = new URLSearchParams(form);
    twice.append(name, value);
    const res = await emu.app.inject({
      method: 'POST',
      url: `/${TENANT}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: twice.toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_codes: [9000411] });
  }
});

test('an unsupported grant answers AADSTS70003 unsupported_grant_type', async ({ emu }) => {
  const res = await emu.requestToken(TENANT, valid, 'password');
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
});

test("what the libraries add is accepted: msal-node's query and x-client fields, Python's client_info", async ({
  emu,
}) => {
  const res = await emu.app.inject({
    method: 'POST',
    url: `/${TENANT.toUpperCase()}/oauth2/v2.0/token?client-request-id=${CORRELATION}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
      'x-client-sku': 'msal.js.node',
    },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      ...valid,
      'x-client-SKU': 'msal.js.node',
      'x-client-VER': '7.2.3',
      'x-client-OS': 'linux',
      'x-client-CPU': 'x64',
      'x-ms-lib-capability': 'retry-after, h429',
      'x-client-current-telemetry': '5|771,0,,,|,',
      client_info: '1',
    }).toString(),
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['retry-after']).toBeUndefined();
  expect(res.headers['cache-control']).toContain('no-store');
  expect(decodeJwt(res.json().access_token)).toMatchObject({ tid: TENANT, appid: 'ops', appidacr: '1' });
});

test('the v1.0 endpoint takes resource and answers in the v1.0 shape', async ({ emu }) => {
  const res = await emu.app.inject({
    method: 'POST',
    url: `/${TENANT}/oauth2/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'ops',
      client_secret: 'pw',
      resource: 'https://api.securitycenter.microsoft.com',
    }).toString(),
  });
  expect(res.statusCode).toBe(200);
  const iat = Math.floor(START_MS / 1000);
  expect(res.json()).toMatchObject({
    token_type: 'Bearer',
    expires_in: '3599',
    expires_on: String(iat + 3599),
    not_before: String(iat),
    resource: 'https://api.securitycenter.microsoft.com',
  });
  expect(decodeJwt(res.json().access_token).aud).toBe('https://api.securitycenter.microsoft.com');
});

test('every entry of the table has a real shape: a unique code, an OAuth error and 400 or 401', () => {
  const codes = Object.values(ENTRA_ERRORS).map((entry) => entry.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const entry of Object.values(ENTRA_ERRORS)) {
    expect(entry.error).toMatch(/^[a-z_]+$/);
    expect(entry.status === 401).toBe(entry.error === 'invalid_client');
    expect(entry.source.length).toBeGreaterThan(10);
  }
  expect(entraErrorByCode('AADSTS7000215')?.error).toBe('invalid_client');
});
