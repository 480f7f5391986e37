import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLAIN_HTTP_ANSWER } from '../../../src/harness/http/fetch-error.ts';
import {
  AuthorityError,
  askAuthority,
  isEndpointResolutionFailure,
} from '../../../src/harness/identity/authority-answer.ts';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// msal-node reports a refused tenant, a refused connection and an http server on an https URL all as
// "endpoints_resolution_error"; the harness asks the authority itself what it answered.
const TENANT = '99999999-2222-4333-8444-555555555555';
const spec = {
  kind: 'secret',
  clientId: '11111111-2222-4333-8444-555555555555',
  secretVariable: 'X',
} as const;
// Entra ID's answer to the discovery document of a tenant it does not know (the emulator's is the same).
const INVALID_TENANT = {
  error: 'invalid_tenant',
  error_description: `AADSTS90002: Tenant '${TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 2026-12-03 15:51:06Z`,
  error_codes: [90002],
  error_uri: 'https://login.microsoftonline.com/error?code=90002',
};

async function authority(status: number, body?: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const discovery = req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`;
    res
      .writeHead(discovery ? status : 404, { 'content-type': 'application/json' })
      .end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function signInAt(authBaseUrl: string) {
  const answer = await askAuthority({ authBaseUrl, tenantId: TENANT }, 3_000);
  return { answer, signIn: answer && signInError(answer, spec, { authBaseUrl, tenantId: TENANT }) };
}

test('the word msal-node gives, as @azure/identity passes it on, is told apart', () => {
  const msal = new Error(
    'endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details',
  );
  expect(isEndpointResolutionFailure(msal)).toBe(true);
  expect(
    isEndpointResolutionFailure(Object.assign(new Error('x'), { errorCode: 'endpoints_resolution_error' })),
  ).toBe(true);
  expect(isEndpointResolutionFailure(new Error('invalid_client: AADSTS7000215'))).toBe(false);
});

test('a tenant the authority does not know is a refusal naming AADSTS90002 and MDE_TENANT_ID', async () => {
  const { url, server } = await authority(400, INVALID_TENANT);
  const { answer, signIn } = await signInAt(url);
  server.close();
  expect(answer).toBeInstanceOf(AuthorityError);
  // Configuration to fix (exit 2), not a target to retry (exit 3).
  expect(signIn!.refused).toBe(true);
  expect(signIn!.message).toBe(
    `secret sign-in at ${url}/${TENANT} failed: the authority answered 400 invalid_tenant: AADSTS90002: Tenant '${TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. (no such tenant: check MDE_TENANT_ID)`,
  );
});

test('another AADSTS code in a 4xx is a refusal too, with where Entra ID explains the code', async () => {
  const { url, server } = await authority(400, {
    error: 'invalid_request',
    error_description:
      'AADSTS900023: Specified tenant identifier is neither a valid DNS name, nor a valid external domain.',
    error_codes: [900023],
  });
  const { signIn } = await signInAt(url);
  server.close();
  expect(signIn!.refused).toBe(true);
  expect(signIn!.message).toMatch(
    /failed: the authority answered 400 invalid_request: AADSTS900023: Specified tenant .* \(check MDE_TENANT_ID and MDE_AUTH_BASE_URL; see https:\/\/login\.microsoftonline\.com\/error\?code=900023\)$/,
  );
});

test('a throttled authority is a target to retry (exit 3), even when its answer quotes an AADSTS code', async () => {
  const { url, server } = await authority(429, {
    error: 'temporarily_unavailable',
    error_description:
      'AADSTS50196: The server terminated an operation because it encountered a client request loop.',
    error_codes: [50196],
  });
  const { signIn } = await signInAt(url);
  server.close();
  expect(signIn!.refused).toBe(false);
});

test('a 5xx, a page that is no authority and a closed port stay a target to check (exit 3)', async () => {
  const failing = await authority(503, { error: 'temporarily_unavailable' });
  const stray = await authority(404, '<html>not found</html>');
  const closed = await authority(400);
  await new Promise((done) => closed.server.close(done));
  const lines: string[] = [];
  for (const url of [failing.url, stray.url, closed.url]) {
    const { signIn } = await signInAt(url);
    expect(signIn!.refused, url).toBe(false);
    lines.push(signIn!.message.slice(`secret sign-in at ${url}/${TENANT} failed: `.length));
  }
  failing.server.close();
  stray.server.close();
  expect(lines).toEqual([
    'the authority answered 503 temporarily_unavailable (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)',
    "the authority answered 404 for the tenant's OpenID configuration (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)",
    'the authority does not answer: connection refused (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)',
  ]);
});

test('an https:// authority that speaks plain HTTP is said so, as the API probe says it', async () => {
  const { url, server } = await authority(400, INVALID_TENANT);
  const https = url.replace(/^http:/, 'https:');
  const { signIn } = await signInAt(https);
  server.close();
  expect(signIn!.refused).toBe(false);
  expect(signIn!.message).toBe(
    `secret sign-in at ${https}/${TENANT} failed: ${PLAIN_HTTP_ANSWER} (set MDE_AUTH_BASE_URL=${url})`,
  );
});

test('a discovery document that comes leaves the library its own error', async () => {
  const { url, server } = await authority(200, {
    issuer: 'x',
    authorization_endpoint: 'x',
    token_endpoint: 'x',
    jwks_uri: 'x',
  });
  const { answer } = await signInAt(url);
  server.close();
  expect(answer).toBeUndefined();
});

// msal-node says only "endpoints_resolution_error" for a 200 it cannot read: the page or the cut-off
// JSON the authority answered is what to see, and the authority is the target to check (exit 3).
test('a 200 that is no JSON document, or lacks what MSAL needs, is told by what it held', async () => {
  const partial = await authority(200, { issuer: 'x', authorization_endpoint: 'x' });
  const page = await authority(200, '<html><body>Sign-in service is down</body></html>');
  const cut = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"issuer": '),
  );
  await new Promise<void>((done) => cut.listen(0, '127.0.0.1', done));
  const cutUrl = `http://127.0.0.1:${(cut.address() as AddressInfo).port}`;
  const lines: string[] = [];
  for (const url of [partial.url, page.url, cutUrl]) {
    const { signIn } = await signInAt(url);
    expect(signIn?.refused, url).toBe(false);
    lines.push(String(signIn?.message).slice(`secret sign-in at ${url}/${TENANT} failed: `.length));
  }
  partial.server.close();
  page.server.close();
  cut.close();
  expect(lines).toEqual([
    "the authority answered 200, but no usable OpenID configuration for the tenant: it lacks token_endpoint, jwks_uri (Entra ID's holds authorization_endpoint, token_endpoint, issuer, jwks_uri) (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)",
    'the authority answered 200, but no usable OpenID configuration for the tenant: body "<html><body>Sign-in service is down</body></html>" (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)',
    'the authority answered 200, but no usable OpenID configuration for the tenant: body {"issuer": (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)',
  ]);
});

test('AZURE_TENANT_ID and AZURE_AUTHORITY_HOST, when they stand in for the MDE_* variables, are the ones named', async () => {
  const { url, server } = await authority(400, { ...INVALID_TENANT, error_description: 'AADSTS900023: x' });
  const variables = { authBaseUrl: 'AZURE_AUTHORITY_HOST', tenantId: 'AZURE_TENANT_ID' };
  const otherCode = await askAuthority({ authBaseUrl: url, tenantId: TENANT }, 3_000);
  const notFound = await authority(400, INVALID_TENANT);
  const noTenant = await askAuthority({ authBaseUrl: notFound.url, tenantId: TENANT }, 3_000);
  server.close();
  notFound.server.close();
  const line = (answer: unknown, at: string) =>
    signInError(answer, spec, { authBaseUrl: at, tenantId: TENANT, variables }).message;
  expect(line(otherCode, url)).toMatch(/\(check AZURE_TENANT_ID and AZURE_AUTHORITY_HOST; see https:/);
  expect(line(noTenant, notFound.url)).toMatch(/\(no such tenant: check AZURE_TENANT_ID\)$/);
});
