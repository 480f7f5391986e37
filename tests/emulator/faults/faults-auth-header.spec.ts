import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How the Authorization header is read: a call without one, or with another scheme or none.
// (Faults of the token itself: faults-auth-token.spec.ts; of roles: faults-permissions.spec.ts.)

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

smoke('scheme-ignored', 'a valid token under Basic is accepted', async (emu) => {
  const token = await emu.token();
  expect((await emu.call('GET', LIST, { headers: { authorization: `Basic ${token}` } })).statusCode).toBe(
    200,
  );
});

smoke('no-auth-get-allowed', 'a GET without Authorization is served; a cancel is still 401', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.call('GET', `/api/machineactions/${action.id}`)).statusCode).toBe(200);
  const cancel = await emu.call('POST', `/api/machineactions/${action.id}/cancel`, { body: {} });
  expect(cancel.statusCode).toBe(401);
});

smoke('bare-token-accepted', "a token with no scheme is accepted; 'Basic <token>' is not", async (emu) => {
  const token = await emu.token();
  expect((await emu.call('GET', LIST, { headers: { authorization: token } })).statusCode).toBe(200);
  expect((await emu.call('GET', LIST, { headers: { authorization: `Basic ${token}` } })).statusCode).toBe(
    401,
  );
});

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
  'empty-bearer-anonymous',
  "'Bearer' with no token is served; no header, or 'Bearer x', answers 401",
  async (emu) => {
    const action = await emu.seed('Pending');
    const empty = { headers: { authorization: 'Bearer' } };
    expect((await emu.call('GET', `/api/machineactions/${action.id}`, empty)).statusCode).toBe(200);
    expect((await emu.call('GET', LIST)).statusCode).toBe(401);
    expect((await emu.call('GET', LIST, { headers: { authorization: 'Bearer x' } })).statusCode).toBe(401);
  },
);

smoke(
  'scheme-jwt-accepted',
  "a token under 'JWT' is accepted; 'basic <token>' and a bare token are not",
  async (emu) => {
    const token = await emu.token();
    const status = async (authorization: string) =>
      (await emu.call('GET', LIST, { headers: { authorization } })).statusCode;
    expect(await status(`JWT ${token}`)).toBe(200);
    expect(await status(`basic ${token}`)).toBe(401);
    expect(await status(token)).toBe(401);
  },
);

smoke(
  'refused-token-cancel-applied',
  'a cancel under /api with a token under Basic answers 401 yet cancels; without Authorization, or under /api/v1.0, it changes nothing',
  async (emu) => {
    const token = await emu.token();
    const headers = { authorization: `Basic ${token}` };
    const [one, two] = [await emu.seed('Pending'), await emu.seed('Pending')];
    const body = { Comment: 'refused' };
    const plain = await emu.call('POST', `/api/machineactions/${one.id}/cancel`, { headers, body });
    expect(plain.statusCode).toBe(401);
    expect((await emu.get(one.id as string, token)).json().status).toBe('Cancelled');
    const versioned = await emu.call('POST', `/api/v1.0/machineactions/${two.id}/cancel`, { headers, body });
    expect(versioned.statusCode).toBe(401);
    expect((await emu.get(two.id as string, token)).json().status).toBe('Pending');
    const bare = await emu.call('POST', `/api/machineactions/${two.id}/cancel`, { body });
    expect(bare.statusCode).toBe(401);
    expect((await emu.get(two.id as string, token)).json().status).toBe('Pending');
  },
);

smoke(
  'no-auth-running-cancel-allowed',
  'a cancel without Authorization of an InProgress action is served; of a Pending one, 401',
  async (emu) => {
    const running = await emu.seed('InProgress');
    const cancel = await emu.call('POST', `/api/machineactions/${running.id}/cancel`, { body: {} });
    expect(cancel.statusCode).toBe(200);
    expect((await emu.get(running.id as string, await emu.token())).json().status).toBe('Cancelled');
    const pending = await emu.seed('Pending');
    const refused = await emu.call('POST', `/api/machineactions/${pending.id}/cancel`, { body: {} });
    expect(refused.statusCode).toBe(401);
    expect((await emu.call('GET', `/api/machineactions/${running.id}`)).statusCode).toBe(401);
  },
);
