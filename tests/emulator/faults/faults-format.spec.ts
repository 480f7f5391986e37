import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

smoke('error-without-code', '401 bodies lack error.code; 404 bodies keep it', async (emu) => {
  const res = await emu.call('GET', '/api/machineactions', { unchecked: true });
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBeUndefined();
  expect(res.json().error.message).toBeTruthy();
  expect((await emu.get('00000000-0000-0000-0000-000000000000', await emu.token())).json().error.code).toBe(
    'NotFound',
  );
});

smoke('date-not-rfc3339', 'lastUpdateDateTimeUtc looks like 1/5/2026 9:00:00 AM', async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.get(action.id as string, await emu.token(), { unchecked: true });
  expect(res.json().lastUpdateDateTimeUtc).toBe('1/5/2026 9:00:00 AM');
  expect(res.json().creationDateTimeUtc).toMatch(/Z$/);
});

smoke('response-text-plain', 'API answers are labelled text/plain; token answers stay JSON', async (emu) => {
  const token = await emu.token();
  const res = await emu.call('GET', '/api/machineactions', { token, unchecked: true });
  expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(JSON.parse(res.body).value).toEqual([]);
});

smoke(
  'response-text-plain-without-accept',
  'an answer to a request with no Accept is labelled text/plain; one naming */* is JSON',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.call('GET', '/api/machineactions', { token, unchecked: true });
    expect(bare.headers['content-type']).toBe('text/plain; charset=utf-8');
    const headers = { accept: '*/*' };
    const anything = await emu.call('GET', '/api/machineactions', { token, headers });
    expect(anything.headers['content-type']).toMatch(/^application\/json/);
  },
);

smoke(
  'response-text-plain-when-text-accepted',
  "an answer to axios's Accept (text/plain listed) is labelled text/plain; one naming */* alone is JSON",
  async (emu) => {
    const token = await emu.token();
    const axios = { accept: 'application/json, text/plain, */*' };
    const listed = await emu.call('GET', '/api/machineactions', { token, headers: axios, unchecked: true });
    expect(listed.headers['content-type']).toBe('text/plain; charset=utf-8');
    const anything = await emu.call('GET', '/api/machineactions', { token, headers: { accept: '*/*' } });
    expect(anything.headers['content-type']).toMatch(/^application\/json/);
  },
);

smoke('list-count-as-text', 'a list with $count=true counts as text; without it, no count', async (emu) => {
  await emu.seed('Pending');
  const token = await emu.token();
  const counted = await emu.call('GET', '/api/machineactions?$count=true', { token, unchecked: true });
  expect(counted.json()['@odata.count']).toBe('1');
  const plain = await emu.call('GET', '/api/machineactions', { token });
  expect(plain.json()['@odata.count']).toBeUndefined();
});

smoke(
  'finished-reads-completed',
  "a scan that ran its course reads 'Completed' in a GET and the list; a seeded Succeeded one reads right",
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const seeded = await emu.seed('Succeeded');
    const scan = (await emu.scan(token)).json();
    expect(scan.status).toBe('Pending');
    await emu.advance(300);
    const unchecked = { unchecked: true };
    expect((await emu.get(scan.id, token, unchecked)).json().status).toBe('Completed');
    const rows = (await emu.call('GET', '/api/machineactions', { token, ...unchecked })).json().value;
    const statusOf = (id: unknown) => rows.find((row: { id: string }) => row.id === id)?.status;
    expect([statusOf(seeded.id), statusOf(scan.id)]).toEqual(['Succeeded', 'Completed']);
  },
);
