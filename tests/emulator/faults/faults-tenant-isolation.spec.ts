import { randomUUID } from 'node:crypto';
import { expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Another tenant's actions: faults that show, find or cancel them under /api or /api/v1.0.
const unchecked = { unchecked: true };

smoke('tenant-leak-get', "GET shows another tenant's action; cancel does not find it", async (emu) => {
  const theirs = await emu.seed('Pending');
  const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
  expect((await emu.get(theirs.id as string, token)).statusCode).toBe(200);
  expect((await emu.cancel(theirs.id as string, token)).statusCode).toBe(404);
});

smoke('tenant-leak-cancel', "cancel finds another tenant's action; GET does not", async (emu) => {
  const theirs = await emu.seed('Pending');
  const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
  expect((await emu.cancel(theirs.id as string, token)).statusCode).toBe(200);
  expect((await emu.get(theirs.id as string, token)).statusCode).toBe(404);
});

smoke(
  'tenant-leak-get-final',
  "GET shows another tenant's finished action; its active one answers 404",
  async (emu) => {
    const finished = await emu.seed('Succeeded');
    const active = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(finished.id as string, token)).statusCode).toBe(200);
    expect((await emu.get(active.id as string, token)).statusCode).toBe(404);
    expect((await emu.cancel(finished.id as string, token)).statusCode).toBe(404);
  },
);

smoke(
  'tenant-leak-get-running',
  "GET shows another tenant's InProgress action; its Pending and finished ones answer 404",
  async (emu) => {
    const running = await emu.seed('InProgress');
    const pending = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const finished = await emu.seed('Succeeded', { machineId: 'c'.repeat(40) });
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(running.id as string, token)).statusCode).toBe(200);
    expect((await emu.get(pending.id as string, token)).statusCode).toBe(404);
    expect((await emu.get(finished.id as string, token)).statusCode).toBe(404);
  },
);

smoke('tenant-leak-list', "another tenant's list shows the action; its GET does not", async (emu) => {
  const theirs = await emu.seed('Pending');
  const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
  const list = await emu.call('GET', '/api/machineactions', { token });
  expect(list.json().value.map((row: { id: string }) => row.id)).toContain(theirs.id);
  expect((await emu.get(theirs.id as string, token)).statusCode).toBe(404);
});

smoke(
  'versioned-cancel-cross-tenant',
  "another tenant's cancel answers 404 under /api and cancels under /api/v1.0",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.cancel(theirs.id as string, token)).statusCode).toBe(404);
    const versioned = await emu.call('POST', `/api/v1.0/machineactions/${theirs.id}/cancel`, {
      token,
      body: { Comment: 'cancelled by test' },
    });
    expect(versioned.json()).toMatchObject({ id: theirs.id, status: 'Cancelled' });
  },
);

smoke(
  'tenant-leak-list-unfiltered',
  "another tenant's list without $filter shows the action; filtered by its id it does not",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const ids = async (url: string) =>
      (await emu.call('GET', url, { token })).json().value.map((row: { id: string }) => row.id);
    expect(await ids('/api/machineactions')).toContain(theirs.id);
    expect(await ids(`/api/machineactions?$filter=id eq '${theirs.id}'`)).not.toContain(theirs.id);
  },
);

smoke(
  'versioned-list-cross-tenant',
  "another tenant's list under /api/v1.0 shows the action; under /api it does not",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const ids = async (url: string) =>
      (await emu.call('GET', url, { token })).json().value.map((row: { id: string }) => row.id);
    expect(await ids('/api/v1.0/machineactions')).toContain(theirs.id);
    expect(await ids('/api/machineactions')).not.toContain(theirs.id);
  },
);

smoke(
  'versioned-foreign-id-403',
  "another tenant's action answers 404 under /api and 403 under /api/v1.0; an unknown id 404 under both",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const get = (prefix: string, id: string) =>
      emu.call('GET', `${prefix}/machineactions/${id}`, { token, ...unchecked });
    expect((await get('/api', theirs.id as string)).statusCode).toBe(404);
    expect((await get('/api/v1.0', theirs.id as string)).statusCode).toBe(403);
    expect((await get('/api/v1.0', randomUUID())).statusCode).toBe(404);
  },
);

smoke(
  'tenant-leak-list-by-machine',
  "another tenant's list filtered by the device shows the action; filtered by its id it does not",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const ids = async (filter: string) =>
      (await emu.call('GET', `/api/machineactions?$filter=${encodeURIComponent(filter)}`, { token }))
        .json()
        .value.map((row: { id: string }) => row.id);
    expect(await ids(`machineId eq '${theirs.machineId}'`)).toContain(theirs.id);
    expect(await ids(`id eq '${theirs.id}'`)).not.toContain(theirs.id);
  },
);

// A sorted or a paged list of another tenant: the query options alone let the action through.
for (const [fault, option] of [
  ['tenant-leak-list-ordered', '$orderby=creationDateTimeUtc desc'],
  ['tenant-leak-list-paged', '$top=1&$skip=0'],
  ['tenant-leak-list-counted', '$count=true'],
] as const)
  smoke(
    fault,
    `another tenant's list with ${option} shows the action; without it, it does not`,
    async (emu) => {
      const theirs = await emu.seed('Pending');
      const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
      const filter = `$filter=${encodeURIComponent(`id eq '${theirs.id}'`)}`;
      const ids = async (query: string) =>
        (await emu.call('GET', `/api/machineactions?${query}`, { token }))
          .json()
          .value.map((row: { id: string }) => row.id);
      expect(await ids(`${filter}&${option}`)).toContain(theirs.id);
      expect(await ids(filter)).not.toContain(theirs.id);
    },
  );

smoke(
  'list-by-id-cached-across-tenants',
  "another tenant's list by id shows the action once its own tenant listed that URL",
  async (emu) => {
    const theirs = await emu.seed('Pending');
    const url = `/api/machineactions?$filter=${encodeURIComponent(`id eq '${theirs.id}'`)}`;
    const ids = async (token: string, at = url) =>
      (await emu.call('GET', at, { token })).json().value.map((row: { id: string }) => row.id);
    const stranger = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect(await ids(stranger, '/api/machineactions')).toEqual([]);
    expect(await ids(await emu.token())).toEqual([theirs.id]);
    expect(await ids(stranger)).toEqual([theirs.id]);
  },
);

smoke(
  'tenant-leak-get-non-scan',
  "GET shows another tenant's Isolate action; its scan answers 404, and cancel finds neither",
  async (emu) => {
    const isolation = await emu.seed('Pending', { type: 'Isolate', scope: 'Full' });
    const scan = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(isolation.id as string, token)).statusCode).toBe(200);
    expect((await emu.get(scan.id as string, token)).statusCode).toBe(404);
    expect((await emu.cancel(isolation.id as string, token)).statusCode).toBe(404);
  },
);

smoke(
  'tenant-leak-get-aged',
  "GET shows another tenant's action two days old, not a fresh one; cancel finds neither",
  async (emu) => {
    const old = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(old.id as string, token)).statusCode).toBe(404);
    await emu.advance(2 * 86_400);
    const fresh = await emu.seed('Pending', { machineId: 'b'.repeat(40) });
    const later = await emu.token(undefined, { tenantId: OTHER_TENANT });
    expect((await emu.get(old.id as string, later)).statusCode).toBe(200);
    expect((await emu.get(fresh.id as string, later)).statusCode).toBe(404);
    expect((await emu.cancel(old.id as string, later)).statusCode).toBe(404);
  },
);
