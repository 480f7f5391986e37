import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { OTHER_RESOURCE_SCOPE } from '../../../src/contract/index.ts';
import { ALL_ROLES, errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a versioned route refuses, or serves, a call that the guard under /api refuses.

smoke(
  'no-auth-versioned-403',
  'without Authorization a cancel answers 401 Unauthorized under /api and 403 Forbidden under /api/v1.0',
  async (emu) => {
    const action = await emu.seed('Pending');
    const cancel = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/${action.id}/cancel`, { body: {} });
    const [plain, versioned] = [await cancel('/api'), await cancel('/api/v1.0')];
    expect([plain.statusCode, errorCode(plain)]).toEqual([401, 'Unauthorized']);
    expect([versioned.statusCode, errorCode(versioned)]).toEqual([403, 'Forbidden']);
  },
);

smoke(
  'no-auth-versioned-list-allowed',
  'without Authorization the list answers 401 under /api and is served under /api/v1.0; a GET there is not',
  async (emu) => {
    const action = await emu.seed('Pending');
    expect((await emu.call('GET', '/api/machineactions')).statusCode).toBe(401);
    expect((await emu.call('GET', '/api/v1.0/machineactions')).statusCode).toBe(200);
    expect((await emu.call('GET', `/api/v1.0/machineactions/${action.id}`)).statusCode).toBe(401);
  },
);

smoke(
  'audience-unchecked-versioned-by-id',
  'a token for another audience reads and cancels by id under /api/v1.0, and is refused by the list there',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    expect((await emu.call('GET', `/api/machineactions/${action.id}`, { token })).statusCode).toBe(403);
    expect((await emu.call('GET', '/api/v1.0/machineactions', { token })).statusCode).toBe(403);
    expect((await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, { token })).statusCode).toBe(200);
    const cancel = await emu.call('POST', `/api/v1.0/machineactions/${action.id}/cancel`, {
      token,
      body: { Comment: 'cancelled by test' },
    });
    expect(cancel.json()).toMatchObject({ id: action.id, status: 'Cancelled' });
  },
);

smoke(
  'versioned-token-unverified',
  'a token signed with another key, or sent without a scheme, reads under /api/v1.0 and answers 401 under /api',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    for (const authorization of [`Bearer ${forged}`, token]) {
      const headers = { authorization };
      expect((await emu.call('GET', `/api/machineactions/${action.id}`, { headers })).statusCode).toBe(401);
      const versioned = await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, { headers });
      expect(versioned.json()).toMatchObject({ id: action.id });
    }
  },
);

smoke(
  'versioned-list-token-unverified',
  'a token sent without a scheme lists under /api/v1.0; a GET there and the list under /api answer 401',
  async (emu) => {
    const action = await emu.seed('Pending');
    const headers = { authorization: await emu.token() };
    expect((await emu.call('GET', '/api/machineactions', { headers })).statusCode).toBe(401);
    const listed = await emu.call('GET', '/api/v1.0/machineactions', { headers });
    expect(listed.json().value).toEqual([expect.objectContaining({ id: action.id })]);
    const read = await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, { headers });
    expect(read.statusCode).toBe(401);
  },
);
