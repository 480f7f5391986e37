import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DEFAULT_SCOPE, getContract, OTHER_RESOURCE_SCOPE } from '../../../src/contract/index.ts';
import { expect, START_MS, TENANT, test } from '../emulator-fixture.ts';

test.describe('token endpoint', () => {
  test.beforeEach(async ({ emu }) => {
    const res = await emu.control('POST', '/apps', {
      tenantId: TENANT,
      clientId: 'c1',
      clientSecret: 'pw',
      roles: ['Machine.Scan'],
    });
    expect(res.statusCode).toBe(201);
  });

  const valid = {
    client_id: 'c1',
    client_secret: 'pw',
    scope: DEFAULT_SCOPE,
  };

  test('client credentials answer 200 with a Bearer token that lives 3599 s', async ({ emu }) => {
    const res = await emu.requestToken(TENANT, valid);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(getContract().validateResponse('AcquireToken', 200, body).valid).toBe(true);
  });

  test('the token is an RS256 JWT with the claims of a real app token, on the virtual clock', async ({
    emu,
  }) => {
    const token = (await emu.requestToken(TENANT, valid)).json().access_token;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(decodeProtectedHeader(token).kid).toBeTruthy();
    const claims = decodeJwt(token);
    const iat = Math.floor(START_MS / 1000);
    expect(claims).toMatchObject({
      aud: 'https://api.securitycenter.microsoft.com',
      iss: `https://sts.windows.net/${TENANT}/`,
      tid: TENANT,
      appid: 'c1',
      roles: ['Machine.Scan'],
      ver: '1.0',
      iat,
      nbf: iat,
      exp: iat + 3599,
    });
  });

  test('the JWKS endpoints publish the signing key under the token kid', async ({ emu }) => {
    const token = (await emu.requestToken(TENANT, valid)).json().access_token;
    for (const url of [
      `/${TENANT}/discovery/v2.0/keys`,
      `/${TENANT}/discovery/keys`,
      '/common/discovery/keys',
    ]) {
      const res = await emu.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json().keys[0]).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        kid: decodeProtectedHeader(token).kid,
      });
    }
  });

  // As Entra ID answers them (src/contract/entra-errors.ts): the two are told apart.
  test('a wrong secret answers 401 invalid_client, an unknown client 400 unauthorized_client', async ({
    emu,
  }) => {
    for (const [fields, status, error] of [
      [{ ...valid, client_secret: 'wrong' }, 401, 'invalid_client'],
      [{ ...valid, client_id: 'nobody' }, 400, 'unauthorized_client'],
    ] as const) {
      const res = await emu.requestToken(TENANT, fields);
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toBe(error);
      expect(getContract().validateResponse('AcquireToken', status, res.json()).valid).toBe(true);
    }
  });

  // client_secret_basic, which the discovery documents list as Entra ID's do (RFC 6749 2.3.1: each part
  // form-encoded, then base64), was refused with AADSTS900144 (no client_id in the body).
  test('the id and secret may come in an HTTP Basic header instead of the body', async ({ emu }) => {
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
    await emu.control('POST', '/apps', {
      tenantId: TENANT,
      clientId: 'c2',
      clientSecret: 'p w:+%',
      roles: ['Machine.Scan'],
    });
    const token = (authorization: string) =>
      emu.app.inject({
        method: 'POST',
        url: `/${TENANT}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        payload: new URLSearchParams({ grant_type: 'client_credentials', scope: DEFAULT_SCOPE }).toString(),
      });
    const ok = await token(basic('c2', 'p w:+%'));
    expect(ok.statusCode).toBe(200);
    expect(decodeJwt(ok.json().access_token).appid).toBe('c2');
    const wrong = await token(basic('c2', 'nope'));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error_codes).toEqual([7000215]);
  });

  test('an app registered in one tenant gets no token from another', async ({ emu }) => {
    await emu.control('POST', '/apps', {
      tenantId: '0f3e2d1c-0b1c-4c1e-9a55-2f0e3b1c4d02',
      clientId: 'someone-else',
      clientSecret: 'pw',
      roles: [],
    });
    const res = await emu.requestToken('0f3e2d1c-0b1c-4c1e-9a55-2f0e3b1c4d02', valid);
    expect(res.statusCode).toBe(400);
    expect(res.json().error_codes).toEqual([700016]);
  });

  test('a wrong grant type answers 400 unsupported_grant_type', async ({ emu }) => {
    const res = await emu.requestToken(TENANT, valid, 'password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
  });

  test('missing fields answer 400 invalid_request, a missing credential 401 invalid_client', async ({
    emu,
  }) => {
    for (const [missing, status, error] of [
      ['client_id', 400, 'invalid_request'],
      ['scope', 400, 'invalid_request'],
      ['client_secret', 401, 'invalid_client'],
    ] as const) {
      const fields: Record<string, string> = { ...valid };
      delete fields[missing];
      const res = await emu.requestToken(TENANT, fields);
      expect(res.statusCode, missing).toBe(status);
      expect(res.json().error).toBe(error);
      expect(getContract().validateResponse('AcquireToken', status, res.json()).valid).toBe(true);
    }
  });

  test('a JSON body instead of a form answers 400 invalid_request', async ({ emu }) => {
    const res = await emu.app.inject({ method: 'POST', url: `/${TENANT}/oauth2/v2.0/token`, payload: valid });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
  });

  test('the audience is the scope without /.default', async ({ emu }) => {
    const res = await emu.requestToken(TENANT, { ...valid, scope: OTHER_RESOURCE_SCOPE });
    expect(decodeJwt(res.json().access_token).aud).toBe('https://management.azure.com');
  });
});
