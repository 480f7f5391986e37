import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acquireToken, type Token } from '../../../src/harness/identity/client-secret-flow.ts';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { TokenError } from '../../../src/harness/identity/token-answer.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A token endpoint that answers 200 with JSON that is not an object: the reason names what is missing,
// as for any answer without a token, never a TypeError of the harness.
async function tokenEndpointAnswering(body: string, status = 200, headers: Record<string, string> = {}) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, stop: () => server.close() };
}

// What an app signing in there gets: its token, or the error acquireToken throws.
function tokenFrom(
  authBaseUrl: string,
  app: { tenantId?: string; clientSecret?: string } = {},
): Promise<unknown> {
  return acquireToken({
    authBaseUrl,
    tenantId: 'tenant',
    clientId: 'client',
    clientSecret: 'fake-secret-value',
    scope: 'https://api.securitycenter.microsoft.com/.default',
    timeoutMs: 5_000,
    ...app,
  }).catch((e: unknown) => e);
}

// An author's camelCase answer: the names it holds say at once what to rename (never their values).
test('a token answer without access_token names the members it holds', async () => {
  const endpoint = await tokenEndpointAnswering(
    '{"tokenType":"Bearer","expiresIn":3599,"accessToken":"opaque-value-of-the-token"}',
  );
  try {
    const error = await tokenFrom(endpoint.url);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).reason).toBe(
      'no access_token among its members (tokenType, expiresIn, accessToken); Entra ID answers token_type, expires_in and access_token',
    );
  } finally {
    endpoint.stop();
  }
});

// A redirect is followed nowhere (the secret goes to the authority alone): "no access_token in the
// answer, no body (302)" did not say the endpoint sent the request elsewhere.
test('a token endpoint that redirects is told as a redirect, naming where to', async () => {
  const endpoint = await tokenEndpointAnswering('', 302, {
    location: 'http://192.0.2.10/tenant/oauth2/v2.0/token',
  });
  try {
    const error = await tokenFrom(endpoint.url);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(302);
    expect((error as TokenError).reason).toMatch(
      /^a redirect to http:\/\/192\.0\.2\.10, which a token request does not follow/,
    );
  } finally {
    endpoint.stop();
  }
});

for (const body of ['null', '42', '"token"', '[]'])
  test(`a token answer of ${body} is refused as having no access_token`, async () => {
    const endpoint = await tokenEndpointAnswering(body);
    try {
      const error = await tokenFrom(endpoint.url);
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).reason).toBe(`no access_token in ${body.length} bytes`);
    } finally {
      endpoint.stop();
    }
  });

// Tenant mode against a plain-HTTP loopback emulator signs in without @azure/identity. Its refusal kept
// only `error` (invalid_request), so an unknown tenant read "check the client id and its secret".
test("a refusal's AADSTS code reaches the sign-in line and says what to fix", async () => {
  const tenantId = '99999999-0b1c-4c1e-9a55-2f0e3b1c4d01';
  const body = JSON.stringify({
    error: 'invalid_request',
    error_description: `AADSTS90002: Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID.\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 3`,
    error_codes: [90002],
  });
  const endpoint = await tokenEndpointAnswering(body, 400);
  try {
    const error = await tokenFrom(endpoint.url, { tenantId });
    expect((error as TokenError).reason).toMatch(/^invalid_request: AADSTS90002: Tenant '.*' not found\./);
    expect((error as TokenError).reason).not.toContain('Trace ID');
    const line = signInError(
      error,
      { kind: 'secret', clientId: 'client', secretVariable: 'MDE_CLIENT_SECRET' },
      {
        authBaseUrl: endpoint.url,
        tenantId,
      },
    );
    expect(line.refused).toBe(true);
    expect(line.message).toMatch(/AADSTS90002.*\(no such tenant: check MDE_TENANT_ID\)$/);
  } finally {
    endpoint.stop();
  }
});

// The sentence is the target's own text: a broken token endpoint echoing the secret (or a token) must
// not carry it into the sign-in line, which reaches the terminal and CI logs.
test("a refusal's sentence echoing the client secret or a token reaches the line redacted", async () => {
  const secret = 'Zq8~echoed.Secret_value-0123456789abcdefghij';
  const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.${'Q1w2E3r4'.repeat(6)}`;
  const body = JSON.stringify({
    error: 'invalid_client',
    error_description: `AADSTS7000215: Invalid client secret provided: ${secret} for ${jwt}.\r\nTrace ID: 1`,
  });
  const endpoint = await tokenEndpointAnswering(body, 401);
  try {
    const error = await tokenFrom(endpoint.url, {
      tenantId: '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01',
      clientSecret: secret,
    });
    const reason = (error as TokenError).reason;
    expect(reason).toMatch(/^invalid_client: AADSTS7000215: /);
    expect(reason).not.toContain(secret);
    expect(reason).not.toContain(jwt);
  } finally {
    endpoint.stop();
  }
});

// The token's lifetime is what tells the suite when a token has expired (AUTH.EXPIRED moves the clock
// past it) and when to renew one: an answer without a usable expires_in once stopped a test with a
// RangeError of the suite ("soon"), or was taken as 3599 s whatever the token's real life.
for (const expiresIn of [undefined, 'soon', 0, -5, null])
  test(`a token answer with expires_in ${JSON.stringify(expiresIn)} is refused, naming expires_in`, async () => {
    const endpoint = await tokenEndpointAnswering(
      JSON.stringify({ token_type: 'Bearer', access_token: 'a.b.c', expires_in: expiresIn }),
    );
    try {
      const error = await tokenFrom(endpoint.url);
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).status).toBe(200);
      expect((error as TokenError).reason).toContain('expires_in');
    } finally {
      endpoint.stop();
    }
  });

// Entra's v1.0 endpoint gives its numbers as strings: a whole number of seconds as text is a lifetime.
test('a token answer with expires_in "3599" (a string, as v1.0 answers) lives 3599 s', async () => {
  const endpoint = await tokenEndpointAnswering(
    JSON.stringify({ token_type: 'Bearer', access_token: 'a.b.c', expires_in: '3599' }),
  );
  try {
    const token = (await tokenFrom(endpoint.url)) as Token;
    expect(token.expiresIn).toBe(3599);
  } finally {
    endpoint.stop();
  }
});
