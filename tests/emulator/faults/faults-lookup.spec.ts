import { randomUUID } from 'node:crypto';
import { errorCode, expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// What an id or a path finds: unknown and malformed ids, /api/v1.0, the list (another tenant's actions:
// faults-tenant-isolation.spec.ts).
const unchecked = { unchecked: true };

smoke('unknown-id-400', "an unknown id answers 400; another tenant's id still 404", async (emu) => {
  expect((await emu.cancel(randomUUID(), await emu.token())).statusCode).toBe(400);
  const theirs = await emu.seed('Pending');
  expect(
    (await emu.cancel(theirs.id as string, await emu.token(undefined, { tenantId: OTHER_TENANT })))
      .statusCode,
  ).toBe(404);
});

smoke('unknown-id-200', 'an unknown id answers 200 with a made-up action; GET still 404', async (emu) => {
  const token = await emu.token();
  const id = randomUUID();
  expect((await emu.cancel(id, token)).json()).toMatchObject({ id, status: 'Cancelled' });
  expect((await emu.get(id, token)).statusCode).toBe(404);
});

smoke('notfound-wrong-code', "an unknown id answers 404 with code 'BadRequest'", async (emu) => {
  const res = await emu.cancel(randomUUID(), await emu.token());
  expect(res.statusCode).toBe(404);
  expect(errorCode(res)).toBe('BadRequest');
});

smoke('malformed-id-500', 'a malformed id answers 500 on cancel; GET still 404', async (emu) => {
  const token = await emu.token();
  expect((await emu.cancel('not-a-guid', token)).statusCode).toBe(500);
  expect((await emu.get('not-a-guid', token)).statusCode).toBe(404);
});

smoke('get-unknown-200', 'GET of an unknown id answers 200; cancel still 404', async (emu) => {
  const token = await emu.token();
  const id = randomUUID();
  expect((await emu.get(id, token)).json().id).toBe(id);
  expect((await emu.cancel(id, token)).statusCode).toBe(404);
});

smoke('no-versioned-path', '/api/v1.0 answers 404 while /api works', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  expect((await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, { token })).statusCode).toBe(404);
  expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
});

smoke('no-versioned-path-bare-404', '/api/v1.0 answers 404 with no body while /api works', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  const versioned = await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, {
    token,
    unchecked: true,
  });
  expect(versioned.statusCode).toBe(404);
  expect(versioned.body).toBe('');
  expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
});

smoke(
  'no-versioned-path-stock-404',
  "/api/v1.0 answers 404 with the framework's stock body while /api works",
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const versioned = await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, {
      token,
      unchecked: true,
    });
    expect(versioned.statusCode).toBe(404);
    expect(JSON.parse(versioned.body)).toEqual({
      Message: `No HTTP resource was found that matches the request URI '/api/v1.0/machineactions/${action.id}'.`,
    });
    expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
  },
);

smoke(
  'no-versioned-path-gateway-403',
  '/api/v1.0 answers 403 Forbidden in the envelope, even to the operator, while /api works',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const versioned = await emu.call('POST', `/api/v1.0/machineactions/${action.id}/cancel`, {
      token,
      body: { Comment: 'cancelled by test' },
      unchecked: true,
    });
    expect([versioned.statusCode, errorCode(versioned)]).toEqual([403, 'Forbidden']);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  },
);

smoke('list-cancelled-canceled', "the list says 'Canceled'; GET says Cancelled", async (emu) => {
  const token = await emu.token();
  const cancelled = await emu.seed('Cancelled');
  const list = await emu.call('GET', '/api/machineactions', { token, ...unchecked });
  expect(list.json().value[0].status).toBe('Canceled');
  expect((await emu.get(cancelled.id as string, token)).json().status).toBe('Cancelled');
});

smoke('no-versioned-list', 'the list under /api/v1.0 answers 404; GET there works', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  expect((await emu.call('GET', '/api/v1.0/machineactions', { token })).statusCode).toBe(404);
  expect((await emu.call('GET', `/api/v1.0/machineactions/${action.id}`, { token })).statusCode).toBe(200);
});

smoke(
  'versioned-get-cached',
  'a GET under /api/v1.0 keeps showing an action as first read there; under /api it shows the cancel',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    const versioned = `/api/v1.0/machineactions/${action.id}`;
    expect((await emu.call('GET', versioned, { token })).json().status).toBe('Pending');
    expect((await emu.cancel(action.id as string, token)).statusCode).toBe(200);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.call('GET', versioned, { token })).json().status).toBe('Pending');
    // An action first read there after its cancel shows it.
    const other = await emu.seed('Cancelled');
    expect((await emu.call('GET', `/api/v1.0/machineactions/${other.id}`, { token })).json().status).toBe(
      'Cancelled',
    );
  },
);

smoke(
  'versioned-list-query-ignored',
  'the list under /api/v1.0 drops $top and $filter; under /api they apply',
  async (emu) => {
    const [one] = [await emu.seed('Pending'), await emu.seed('Succeeded')];
    const token = await emu.token();
    const query = `?$top=1&$filter=id eq '${one!.id}'`;
    const plain = await emu.call('GET', `/api/machineactions${query}`, { token });
    expect(plain.json().value).toHaveLength(1);
    const versioned = await emu.call('GET', `/api/v1.0/machineactions${query}`, { token });
    expect(versioned.json().value).toHaveLength(2);
  },
);

smoke(
  'versioned-list-filter-ignored',
  'the list under /api/v1.0 drops $filter and keeps $top; under /api both apply',
  async (emu) => {
    const [, two] = [await emu.seed('Pending'), await emu.seed('Succeeded')];
    const token = await emu.token();
    const ids = async (path: string, query: string) =>
      (await emu.call('GET', `${path}${query}`, { token })).json().value.map((row: { id: string }) => row.id);
    const filter = `?$filter=id eq '${two!.id}'`;
    expect(await ids('/api/machineactions', filter)).toEqual([two!.id]);
    expect(await ids('/api/v1.0/machineactions', filter)).toHaveLength(2);
    expect(await ids('/api/v1.0/machineactions', `${filter}&$top=1`)).toHaveLength(1);
    expect(await ids('/api/v1.0/machineactions', `${filter}&$top=1`)).not.toEqual([two!.id]);
  },
);

smoke(
  'versioned-get-final-404',
  'a GET under /api/v1.0 of a Succeeded action answers 404; of a Cancelled one 200; under /api both 200',
  async (emu) => {
    const token = await emu.token();
    const [done, cancelled] = [await emu.seed('Succeeded'), await emu.seed('Cancelled')];
    const at = (path: string, id: unknown) =>
      emu.call('GET', `${path}/machineactions/${String(id)}`, { token, unchecked: true });
    expect((await at('/api/v1.0', done.id)).statusCode).toBe(404);
    expect((await at('/api/v1.0', cancelled.id)).statusCode).toBe(200);
    expect((await at('/api', done.id)).statusCode).toBe(200);
  },
);
