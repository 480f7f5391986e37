import { type Emu, errorCode, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

const LIST = '/api/machineactions';

async function calls(emu: Emu, token: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++)
    statuses.push((await emu.call('GET', LIST, { token, unchecked: true })).statusCode);
  return statuses;
}

async function hourOfMinutes(emu: Emu, token: string): Promise<void> {
  for (let minute = 0; minute < 15; minute++) {
    await calls(emu, token, 100);
    await emu.advance(60);
  }
}

smoke('rate-minute-early', 'call 100 answers 429', async (emu) => {
  const statuses = await calls(emu, await emu.token(), 100);
  expect(statuses.indexOf(429)).toBe(99);
});

smoke('rate-keyed-per-token', 'a new token of the same app gets a fresh window', async (emu) => {
  const first = await emu.token();
  expect((await calls(emu, first, 101)).indexOf(429)).toBe(100);
  const second = await emu.renew(first);
  expect(second).not.toBe(first);
  expect(await calls(emu, second, 1)).toEqual([200]);
});

smoke('rate-minute-late', 'call 101 passes and call 102 answers 429', async (emu) => {
  const statuses = await calls(emu, await emu.token(), 102);
  expect(statuses.indexOf(429)).toBe(101);
});

smoke(
  'rate-minute-resets-on-429',
  'call 101 answers 429, calls 102 to 201 of the same minute pass and call 202 answers 429',
  async (emu) => {
    const statuses = await calls(emu, await emu.token(), 202);
    expect(statuses.indexOf(429)).toBe(100);
    expect(statuses.lastIndexOf(429)).toBe(201);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  },
);

smoke(
  'rate-shared-across-operations',
  "an app's 100 lists in a minute leave its cancel throttled; another app's cancel is served",
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    expect((await calls(emu, token, 100)).includes(429)).toBe(false);
    expect((await emu.cancel(action.id as string, token, undefined, { unchecked: true })).statusCode).toBe(
      429,
    );
    expect((await emu.cancel(action.id as string, await emu.token())).statusCode).toBe(200);
  },
);

smoke('rate-minute-503-half', 'calls 51 to 100 answer 503 and call 101 answers 429', async (emu) => {
  const statuses = await calls(emu, await emu.token(), 101);
  expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
  expect(statuses.slice(50, 100).every((status) => status === 503)).toBe(true);
  expect(statuses[100]).toBe(429);
});

smoke('rate-wrong-code', "a minute 429 carries code 'Throttled'", async (emu) => {
  const token = await emu.token();
  await calls(emu, token, 100);
  expect(errorCode(await emu.call('GET', LIST, { token, unchecked: true }))).toBe('Throttled');
});

smoke('rate-hour-absent', 'call 1501 in an hour passes', async (emu) => {
  const token = await emu.token();
  await hourOfMinutes(emu, token);
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke('retry-after-missing-hour', 'the hour 429 has no Retry-After; the minute 429 has one', async (emu) => {
  const token = await emu.token();
  await calls(emu, token, 100);
  expect((await emu.call('GET', LIST, { token })).headers['retry-after']).toBe('60');
  await emu.advance(60);
  await hourOfMinutes(emu, token);
  const res = await emu.call('GET', LIST, { token, unchecked: true });
  expect(res.statusCode).toBe(429);
  expect(res.headers['retry-after']).toBeUndefined();
});

smoke(
  'retry-after-short-hour',
  'the hour 429 says Retry-After 120, and 120 s later the hour still throttles',
  async (emu) => {
    const token = await emu.token();
    await hourOfMinutes(emu, token);
    const res = await emu.call('GET', LIST, { token, unchecked: true });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('120');
    await emu.advance(120);
    expect((await emu.call('GET', LIST, { token, unchecked: true })).statusCode).toBe(429);
  },
);

smoke('retry-after-too-long', 'a minute 429 says Retry-After 120', async (emu) => {
  const token = await emu.token();
  await calls(emu, token, 100);
  expect((await emu.call('GET', LIST, { token })).headers['retry-after']).toBe('120');
});

smoke('throttle-stuck', 'after waiting Retry-After the call is still 429', async (emu) => {
  const token = await emu.token();
  await calls(emu, token, 100);
  const res = await emu.call('GET', LIST, { token });
  await emu.advance(Number(res.headers['retry-after']));
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(429);
  await emu.advance(61);
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke(
  'throttled-still-cancels',
  'a 429 cancel cancels anyway; a 429 on an unknown id stays 429',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    for (let i = 0; i < 100; i++) await emu.cancel('00000000-0000-0000-0000-000000000000', token);
    expect((await emu.cancel('00000000-0000-0000-0000-000000000000', token)).statusCode).toBe(429);
    expect((await emu.cancel(action.id as string, token)).statusCode).toBe(429);
    await emu.advance(60);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'hour-throttled-still-cancels',
  "a cancel the full hour refuses cancels anyway; the minute's 429 does not",
  async (emu) => {
    const token = await emu.token();
    const unknown = '00000000-0000-0000-0000-000000000000';
    const early = await emu.seed('Pending');
    for (let i = 0; i < 100; i++) await emu.cancel(unknown, token, undefined, { unchecked: true });
    expect((await emu.cancel(early.id as string, token, undefined, { unchecked: true })).statusCode).toBe(
      429,
    );
    expect((await emu.get(early.id as string, token)).json().status).toBe('Pending');
    for (let minute = 1; minute < 15; minute++) {
      await emu.advance(60);
      for (let i = 0; i < 100; i++) await emu.cancel(unknown, token, undefined, { unchecked: true });
    }
    await emu.advance(61);
    const late = await emu.seed('Pending', { type: 'Isolate' });
    expect((await emu.cancel(late.id as string, token, undefined, { unchecked: true })).statusCode).toBe(429);
    expect((await emu.get(late.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'retry-after-rounded-down',
  'with 59.5 s left the 429 says 59, and 59 s later it is 429 again',
  async (emu) => {
    const token = await emu.token();
    await calls(emu, token, 100);
    await emu.advance(0.5);
    const throttled = await emu.call('GET', LIST, { token });
    expect(throttled.headers['retry-after']).toBe('59');
    await emu.advance(59);
    expect((await calls(emu, token, 1))[0]).toBe(429);
  },
);

smoke(
  'retry-after-short-when-throttled-again',
  'the second 429 in a row says 10 s less than the window needs; the first and third say what it needs',
  async (emu) => {
    const token = await emu.token();
    await calls(emu, token, 100);
    const said = [];
    for (let i = 0; i < 3; i++) said.push((await emu.call('GET', LIST, { token })).headers['retry-after']);
    expect(said).toEqual(['60', '50', '60']);
    await emu.advance(50);
    expect((await calls(emu, token, 1))[0]).toBe(429);
  },
);
