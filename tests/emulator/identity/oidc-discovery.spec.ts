import { decodeProtectedHeader } from 'jose';
import { expect, OTHER_TENANT, TENANT, test } from '../emulator-fixture.ts';

// OpenID Connect discovery as Entra ID publishes it (docs/interfaces.md#oidc-discovery), driven with
// inject(): the emulator's origin is then http://localhost:80.
const ORIGIN = 'http://localhost:80';

test.beforeEach(async ({ emu }) => {
  await emu.token();
});

test('the v2.0 document names Entra v2.0 issuer and points every endpoint at the emulator', async ({
  emu,
}) => {
  const res = await emu.app.inject({
    method: 'GET',
    url: `/${TENANT}/v2.0/.well-known/openid-configuration`,
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('max-age=86400, private');
  expect(res.json()).toMatchObject({
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    token_endpoint: `${ORIGIN}/${TENANT}/oauth2/v2.0/token`,
    authorization_endpoint: `${ORIGIN}/${TENANT}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${ORIGIN}/${TENANT}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${ORIGIN}/${TENANT}/oauth2/v2.0/logout`,
    jwks_uri: `${ORIGIN}/${TENANT}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['pairwise'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    cloud_instance_name: 'microsoftonline.com',
  });
});

test('the v1.0 document names the sts.windows.net issuer the tokens carry', async ({ emu }) => {
  const doc = (
    await emu.app.inject({ method: 'GET', url: `/${TENANT}/.well-known/openid-configuration` })
  ).json();
  expect(doc).toMatchObject({
    issuer: `https://sts.windows.net/${TENANT}/`,
    token_endpoint: `${ORIGIN}/${TENANT}/oauth2/token`,
    authorization_endpoint: `${ORIGIN}/${TENANT}/oauth2/authorize`,
    jwks_uri: `${ORIGIN}/common/discovery/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    microsoft_multi_refresh_token: true,
  });
});

test('the keys at jwks_uri sign the tokens', async ({ emu }) => {
  const token = await emu.token();
  for (const url of [
    `/${TENANT}/v2.0/.well-known/openid-configuration`,
    `/${TENANT}/.well-known/openid-configuration`,
  ]) {
    const jwksUri = (await emu.app.inject({ method: 'GET', url })).json().jwks_uri as string;
    const keys = (await emu.app.inject({ method: 'GET', url: new URL(jwksUri).pathname })).json().keys;
    expect(keys.map((k: { kid: string }) => k.kid)).toContain(decodeProtectedHeader(token).kid);
  }
});

test('tenants match without case, and the documents name them in lower case, as msal-node asks', async ({
  emu,
}) => {
  const res = await emu.app.inject({
    method: 'GET',
    url: `/${TENANT.toUpperCase()}/v2.0/.well-known/openid-configuration`,
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().token_endpoint).toBe(`${ORIGIN}/${TENANT}/oauth2/v2.0/token`);
});

test('common and organizations serve documents whose issuer holds {tenantid}', async ({ emu }) => {
  for (const tenant of ['common', 'organizations']) {
    const v2 = (
      await emu.app.inject({ method: 'GET', url: `/${tenant}/v2.0/.well-known/openid-configuration` })
    ).json();
    expect(v2.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(v2.token_endpoint).toBe(`${ORIGIN}/${tenant}/oauth2/v2.0/token`);
    const v1 = (
      await emu.app.inject({ method: 'GET', url: `/${tenant}/.well-known/openid-configuration` })
    ).json();
    expect(v1.issuer).toBe('https://sts.windows.net/{tenantid}/');
  }
});

test('an unknown tenant answers 400 invalid_tenant with AADSTS90002, as Entra does', async ({ emu }) => {
  for (const url of [
    `/${OTHER_TENANT}/v2.0/.well-known/openid-configuration`,
    `/${OTHER_TENANT}/.well-known/openid-configuration`,
  ]) {
    const res = await emu.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
    expect(res.json().error_description).toMatch(
      new RegExp(`^AADSTS90002: Tenant '${OTHER_TENANT}' not found`),
    );
  }
});

test('instance discovery answers where the tenant document is and the aliases of the host', async ({
  emu,
}) => {
  const authorize = encodeURIComponent(`${ORIGIN}/${TENANT}/oauth2/v2.0/authorize`);
  const res = await emu.app.inject({
    method: 'GET',
    url: `/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
  });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body).toMatchObject({
    tenant_discovery_endpoint: `${ORIGIN}/${TENANT}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
  });
  expect(body.metadata[0]).toEqual({
    preferred_network: 'localhost:80',
    preferred_cache: 'localhost:80',
    aliases: ['localhost:80', '127.0.0.1:80', '[::1]:80'],
  });
  expect(body.metadata[1].aliases).toContain('login.microsoftonline.com');
  const malformed = await emu.app.inject({
    method: 'GET',
    url: '/common/discovery/instance?api-version=1.1',
  });
  expect(malformed.statusCode).toBe(400);
  expect(malformed.json().error_codes).toEqual([50050]);
});

test('over plain HTTP there is no /_emulator/tls-certificate', async ({ emu }) => {
  expect((await emu.app.inject({ method: 'GET', url: '/_emulator/tls-certificate' })).statusCode).toBe(404);
});
