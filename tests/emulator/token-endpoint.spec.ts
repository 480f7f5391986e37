import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DEFAULT_SCOPE, GRAPH_SCOPE, getContract } from '../../src/contract/index.ts';
import { expect, START_MS, TENANT, test } from './emulator-fixture.ts';

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
    for (const url of [`/${TENANT}/discovery/v2.0/keys`, '/common/discovery/keys']) {
      const res = await emu.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json().keys[0]).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        kid: decodeProtectedHeader(token).kid,
      });
    }
  });

  test('an unknown client and a wrong secret both answer 401 invalid_client', async ({ emu }) => {
    for (const fields of [
      { ...valid, client_id: 'nobody' },
      { ...valid, client_secret: 'wrong' },
    ]) {
      const res = await emu.requestToken(TENANT, fields);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('invalid_client');
      expect(getContract().validateResponse('AcquireToken', 401, res.json()).valid).toBe(true);
    }
  });

  test('an app registered in one tenant gets no token from another', async ({ emu }) => {
    const res = await emu.requestToken('0f3e2d1c-0b1c-4c1e-9a55-2f0e3b1c4d02', valid);
    expect(res.statusCode).toBe(401);
  });

  test('a wrong grant type answers 400 unsupported_grant_type', async ({ emu }) => {
    const res = await emu.requestToken(TENANT, valid, 'password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
  });

  test('missing fields answer 400 invalid_request', async ({ emu }) => {
    for (const missing of ['client_id', 'client_secret', 'scope']) {
      const fields: Record<string, string> = { ...valid };
      delete fields[missing];
      const res = await emu.requestToken(TENANT, fields);
      expect(res.statusCode, missing).toBe(400);
      expect(res.json().error).toBe('invalid_request');
      expect(getContract().validateResponse('AcquireToken', 400, res.json()).valid).toBe(true);
    }
  });

  test('a JSON body instead of a form answers 400 invalid_request', async ({ emu }) => {
    const res = await emu.app.inject({ method: 'POST', url: `/${TENANT}/oauth2/v2.0/token`, payload: valid });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
  });

  test('the audience is the scope without /.default', async ({ emu }) => {
    const res = await emu.requestToken(TENANT, { ...valid, scope: GRAPH_SCOPE });
    expect(decodeJwt(res.json().access_token).aud).toBe('https://graph.microsoft.com');
  });
});
