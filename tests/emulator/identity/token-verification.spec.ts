import { decodeJwt, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { OTHER_RESOURCE_SCOPE } from '../../../src/contract/index.ts';
import { ALL_ROLES, errorCode, expect, test } from '../emulator-fixture.ts';

const LIST = '/api/machineactions';

test.describe('token verification on API calls', () => {
  test('a valid token is accepted', async ({ emu }) => {
    const res = await emu.call('GET', LIST, { token: await emu.token() });
    expect(res.statusCode).toBe(200);
  });

  test('no Authorization header answers 401 Unauthorized', async ({ emu }) => {
    const res = await emu.call('GET', LIST);
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('Unauthorized');
  });

  test('a token expires after 3599 s of virtual time', async ({ emu }) => {
    const token = await emu.token();
    await emu.advance(3598);
    expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
    await emu.advance(1);
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('Unauthorized');
  });

  test('a scheme other than Bearer answers 401, and the scheme is case-insensitive', async ({ emu }) => {
    const token = await emu.token();
    expect((await emu.call('GET', LIST, { headers: { authorization: `Basic ${token}` } })).statusCode).toBe(
      401,
    );
    expect((await emu.call('GET', LIST, { headers: { authorization: token } })).statusCode).toBe(401);
    expect((await emu.call('GET', LIST, { headers: { authorization: `bearer ${token}` } })).statusCode).toBe(
      200,
    );
  });

  test('malformed tokens answer 401', async ({ emu }) => {
    for (const bad of ['Bearer abc', 'Bearer a.b.c', 'Bearer ', 'Bearer x y']) {
      const res = await emu.call('GET', LIST, { headers: { authorization: bad } });
      expect(res.statusCode, bad).toBe(401);
    }
  });

  test('a token signed with another key answers 401', async ({ emu }) => {
    const claims = decodeJwt(await emu.token());
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'x' }).sign(privateKey);
    const res = await emu.call('GET', LIST, { token: forged });
    expect(res.statusCode).toBe(401);
  });

  test("an unsigned token (alg 'none') answers 401", async ({ emu }) => {
    const claims = decodeJwt(await emu.token());
    const unsigned = new UnsecuredJWT(claims).encode();
    expect((await emu.call('GET', LIST, { token: unsigned })).statusCode).toBe(401);
  });

  // The emulator keeps tokens it has verified: a forgery that ends like one of them (same signature)
  // must still be checked in full, not taken from that store.
  test('a token with an altered payload answers 401, even after the genuine one was verified', async ({
    emu,
  }) => {
    const genuine = await emu.token(['Machine.Scan']);
    expect((await emu.call('GET', LIST, { token: genuine })).statusCode).toBe(403);
    const [header, , signature] = genuine.split('.');
    const claims = { ...decodeJwt(genuine), roles: ALL_ROLES };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    expect((await emu.call('GET', LIST, { token: `${header}.${payload}.${signature}` })).statusCode).toBe(
      401,
    );
  });

  test('a token with an altered payload answers 401', async ({ emu }) => {
    const [header, , signature] = (await emu.token(['Machine.Scan'])).split('.');
    const claims = { ...decodeJwt(await emu.token()), roles: ALL_ROLES };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    expect((await emu.call('GET', LIST, { token: `${header}.${payload}.${signature}` })).statusCode).toBe(
      401,
    );
  });

  test('a token for another audience answers 403 Forbidden', async ({ emu }) => {
    const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('Forbidden');
  });

  test('tokens for the other documented API audiences are accepted', async ({ emu }) => {
    for (const scope of [
      'https://api.security.microsoft.com/.default',
      'https://api-gcc.securitycenter.microsoft.us/.default',
      'https://api-gov.securitycenter.microsoft.us/.default',
    ]) {
      const token = await emu.token(ALL_ROLES, { scope });
      expect((await emu.call('GET', LIST, { token })).statusCode, scope).toBe(200);
    }
  });

  test('tokens survive a reset (the signing key is kept) but their tenant starts empty', async ({ emu }) => {
    const token = await emu.token();
    await emu.seed('Pending');
    expect((await emu.control('POST', '/reset')).statusCode).toBe(204);
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toEqual([]);
  });
});
