import { decodeJwt, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { OTHER_RESOURCE_SCOPE } from '../../src/contract/index.ts';
import { ALL_ROLES, errorCode, expect } from './emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

const LIST = '/api/machineactions';

smoke('no-auth-allowed', 'a cancel without Authorization is served', async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.call('POST', `/api/machineactions/${action.id}/cancel`, { body: {} });
  expect(res.statusCode).toBe(200);
});

smoke('no-auth-403', 'no Authorization answers 403; a bad token still 401', async (emu) => {
  expect((await emu.call('GET', LIST)).statusCode).toBe(403);
  expect((await emu.call('GET', LIST, { headers: { authorization: 'Bearer x' } })).statusCode).toBe(401);
});

smoke('signature-unchecked', 'a token signed with another key is accepted', async (emu) => {
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(decodeJwt(await emu.token()))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  expect((await emu.call('GET', LIST, { token: forged })).statusCode).toBe(200);
});

smoke('alg-none-accepted', "an unsigned token is accepted; another key's signature is not", async (emu) => {
  const claims = decodeJwt(await emu.token());
  expect((await emu.call('GET', LIST, { token: new UnsecuredJWT(claims).encode() })).statusCode).toBe(200);
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  expect((await emu.call('GET', LIST, { token: forged })).statusCode).toBe(401);
});

smoke('expiry-unchecked', 'a token is accepted two hours after it expired', async (emu) => {
  const token = await emu.token();
  await emu.advance(7200);
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke('scheme-ignored', 'a valid token under Basic is accepted', async (emu) => {
  const token = await emu.token();
  expect((await emu.call('GET', LIST, { headers: { authorization: `Basic ${token}` } })).statusCode).toBe(
    200,
  );
});

smoke('audience-unchecked', 'a token for another resource is accepted', async (emu) => {
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke('audience-401', 'a token for another resource answers 401', async (emu) => {
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(401);
});

smoke(
  'role-refused-liveresponse',
  'Machine.LiveResponse alone cannot cancel; Machine.Scan can',
  async (emu) => {
    const action = await emu.seed('Pending');
    expect(
      (await emu.cancel(action.id as string, await emu.token(['Machine.LiveResponse']))).statusCode,
    ).toBe(403);
    expect((await emu.cancel(action.id as string, await emu.token(['Machine.Scan']))).statusCode).toBe(200);
  },
);

smoke('read-only-can-cancel', 'Machine.Read.All alone cancels', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.cancel(action.id as string, await emu.token(['Machine.Read.All']))).statusCode).toBe(200);
});

smoke('forbidden-wrong-code', "a missing role answers 403 with code 'Unauthorized'", async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(['Machine.Read.All']));
  expect(res.statusCode).toBe(403);
  expect(errorCode(res)).toBe('Unauthorized');
});

smoke(
  'expiry-checked-once',
  'a token used while valid is accepted after it expired; a new one is not',
  async (emu) => {
    const used = await emu.token();
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    const unused = await emu.token();
    await emu.advance(7200);
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: unused })).statusCode).toBe(401);
  },
);

smoke('no-auth-get-allowed', 'a GET without Authorization is served; a cancel is still 401', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.call('GET', `/api/machineactions/${action.id}`)).statusCode).toBe(200);
  const cancel = await emu.call('POST', `/api/machineactions/${action.id}/cancel`, { body: {} });
  expect(cancel.statusCode).toBe(401);
});

smoke(
  'no-roles-can-cancel',
  'a token with no role cancels; one with only a read role is refused',
  async (emu) => {
    const none = await emu.token([]);
    const reader = await emu.token(['Machine.Read.All']);
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, reader)).statusCode).toBe(403);
    expect((await emu.cancel(action.id as string, none)).statusCode).toBe(200);
    expect((await emu.get(action.id as string, reader)).json().status).toBe('Cancelled');
  },
);

smoke('bare-token-accepted', "a token with no scheme is accepted; 'Basic <token>' is not", async (emu) => {
  const token = await emu.token();
  expect((await emu.call('GET', LIST, { headers: { authorization: token } })).statusCode).toBe(200);
  expect((await emu.call('GET', LIST, { headers: { authorization: `Basic ${token}` } })).statusCode).toBe(
    401,
  );
});

smoke(
  'unknown-kid-unverified',
  'another key signs in under an unknown kid; under the real kid it does not',
  async (emu) => {
    const token = await emu.token();
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (kid: string) =>
      new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const realKid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    expect((await emu.call('GET', LIST, { token: await forge('unknown-kid') })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: await forge(realKid) })).statusCode).toBe(401);
  },
);

smoke('audience-unchecked-on-reads', 'a token for another audience reads, but cannot cancel', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
  expect((await emu.cancel(action.id as string, token)).statusCode).toBe(403);
});

smoke('signature-unchecked-on-reads', "another key's token reads, but cannot cancel", async (emu) => {
  const action = await emu.seed('Pending');
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(decodeJwt(await emu.token()))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  expect((await emu.get(action.id as string, forged)).statusCode).toBe(200);
  expect((await emu.cancel(action.id as string, forged)).statusCode).toBe(401);
});

smoke(
  'tampered-signature-cached',
  'a token seen before passes with its signature changed; a new one does not',
  async (emu) => {
    const tamper = (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const fresh = await emu.token();
    expect((await emu.call('GET', LIST, { token: tamper(fresh) })).statusCode).toBe(401);
    expect((await emu.call('GET', LIST, { token: fresh })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: tamper(fresh) })).statusCode).toBe(200);
  },
);

smoke(
  'read-only-can-cancel-versioned',
  'Machine.Read.All alone cancels under /api/v1.0 and is refused under /api',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token(['Machine.Read.All']);
    const call = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/${action.id}/cancel`, { token, body: {} });
    expect((await call('/api')).statusCode).toBe(403);
    expect((await call('/api/v1.0')).statusCode).toBe(200);
  },
);

smoke(
  'no-auth-versioned-allowed',
  'without Authorization a cancel and a GET are served under /api/v1.0 and refused under /api',
  async (emu) => {
    const action = await emu.seed('Pending');
    const get = (prefix: string) => emu.call('GET', `${prefix}/machineactions/${action.id}`);
    expect((await get('/api')).statusCode).toBe(401);
    expect((await get('/api/v1.0')).statusCode).toBe(200);
    const cancel = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/${action.id}/cancel`, { body: {} });
    expect((await cancel('/api')).statusCode).toBe(401);
    expect((await cancel('/api/v1.0')).statusCode).toBe(200);
  },
);

smoke(
  'audience-unchecked-versioned',
  'a token for another audience is served under /api/v1.0 and refused under /api',
  async (emu) => {
    const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    expect((await emu.call('GET', LIST, { token })).statusCode).toBe(403);
    expect((await emu.call('GET', '/api/v1.0/machineactions', { token })).statusCode).toBe(200);
  },
);
