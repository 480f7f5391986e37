import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Rate limits by the route a call takes: a read's own limiter.

const UNKNOWN = '0b8a8d7e-1111-4222-8333-944455556666';

smoke(
  'read-429-without-retry-after',
  "a GET's 429 has no Retry-After; a cancel's 429 has one",
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.get(UNKNOWN, token, { unchecked: true });
    const read = await emu.get(UNKNOWN, token, { unchecked: true });
    expect(read.statusCode).toBe(429);
    expect(read.headers['retry-after']).toBeUndefined();
    for (let i = 0; i < 100; i++) await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    const cancel = await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    expect(cancel.statusCode).toBe(429);
    expect(cancel.headers['retry-after']).toBeDefined();
  },
);

const VERSIONED_GET = `/api/v1.0/machineactions/${UNKNOWN}`;
const VERSIONED_LIST = '/api/v1.0/machineactions?$top=1';

smoke(
  'versioned-reads-unthrottled',
  'GET call 101 under /api/v1.0 is served; under /api it answers 429',
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 101; i++)
      expect((await emu.call('GET', VERSIONED_GET, { token, unchecked: true })).statusCode).toBe(404);
    for (let i = 0; i < 100; i++) await emu.get(UNKNOWN, token, { unchecked: true });
    expect((await emu.get(UNKNOWN, token, { unchecked: true })).statusCode).toBe(429);
  },
);

smoke(
  'versioned-read-429-retry-after-hour',
  "a list's 429 under /api/v1.0 says Retry-After 3600; under /api it says the time its window needs",
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.call('GET', VERSIONED_LIST, { token, unchecked: true });
    const versioned = await emu.call('GET', VERSIONED_LIST, { token, unchecked: true });
    expect([versioned.statusCode, versioned.headers['retry-after']]).toEqual([429, '3600']);
    // The windows are shared: the next list under /api is throttled too, with the window's own wait.
    const plain = await emu.call('GET', '/api/machineactions?$top=1', { token, unchecked: true });
    expect(plain.statusCode).toBe(429);
    expect(Number(plain.headers['retry-after'])).toBeLessThanOrEqual(60);
  },
);

smoke(
  'read-429-retry-after-short',
  "a GET's 429 says Retry-After 1, and a GET after waiting it is throttled again",
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.get(UNKNOWN, token, { unchecked: true });
    const read = await emu.get(UNKNOWN, token, { unchecked: true });
    expect([read.statusCode, read.headers['retry-after']]).toEqual([429, '1']);
    await emu.advance(1);
    expect((await emu.get(UNKNOWN, token, { unchecked: true })).statusCode).toBe(429);
  },
);

smoke(
  'throttled-non-scan-cancel-applied',
  "a throttled cancel of an Isolate action cancels it all the same; a throttled scan's changes nothing",
  async (emu) => {
    const token = await emu.token();
    const scan = await emu.seed('Pending');
    const isolation = await emu.seed('Pending', { type: 'Isolate', machineId: 'b'.repeat(40) });
    for (let i = 0; i < 100; i++) await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    expect((await emu.cancel(scan.id as string, token, undefined, { unchecked: true })).statusCode).toBe(429);
    const other = await emu.cancel(isolation.id as string, token, undefined, { unchecked: true });
    expect(other.statusCode).toBe(429);
    await emu.advance(60);
    expect((await emu.get(scan.id as string, token)).json().status).toBe('Pending');
    expect((await emu.get(isolation.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'reads-limited-per-url',
  "GET call 101 of one id answers 429, a GET of another id is served; the list's windows are per query",
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.get(UNKNOWN, token, { unchecked: true });
    expect((await emu.get(UNKNOWN, token, { unchecked: true })).statusCode).toBe(429);
    expect((await emu.get(UNKNOWN.replace(/6$/, '7'), token, { unchecked: true })).statusCode).toBe(404);
    for (let i = 0; i < 100; i++)
      await emu.call('GET', '/api/machineactions?$top=1', { token, unchecked: true });
    const list = (top: number) =>
      emu.call('GET', `/api/machineactions?$top=${top}`, { token, unchecked: true });
    expect((await list(1)).statusCode).toBe(429);
    expect((await list(2)).statusCode).toBe(200);
    // The cancel's windows are the contract's: per operation, whatever the id.
    for (let i = 0; i < 100; i++) await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    const other = await emu.cancel(UNKNOWN.replace(/6$/, '7'), token, undefined, { unchecked: true });
    expect(other.statusCode).toBe(429);
  },
);

smoke(
  'throttled-uncommented-cancel-applied',
  'a throttled cancel without a Comment cancels anyway; one with a Comment changes nothing',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    for (let i = 0; i < 100; i++) await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    const refused = await emu.cancel(commented.id as string, token, undefined, { unchecked: true });
    expect(refused.statusCode).toBe(429);
    const uncommented = await emu.cancel(bare.id as string, token, {}, { unchecked: true });
    expect(uncommented.statusCode).toBe(429);
    expect(uncommented.headers['retry-after']).toBeDefined();
    expect((await emu.get(bare.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(commented.id as string, token)).json().status).toBe('Pending');
  },
);
