import { type Emu, errorCode, expect, START_MS, test } from '../emulator-fixture.ts';

const LIST = '/api/machineactions';

async function burn(emu: Emu, token: string, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const res = await emu.call('GET', LIST, { token });
    if (res.statusCode !== 200) expect(res.statusCode, `call ${i + 1}`).toBe(200);
  }
}

test.describe('rate limits (sliding windows, default profile)', () => {
  test('calls 1-100 pass; call 101 answers 429 TooManyRequests with Retry-After <= 60', async ({ emu }) => {
    const token = await emu.token();
    await burn(emu, token, 100);
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(429);
    expect(errorCode(res)).toBe('TooManyRequests');
    expect(Number(res.headers['retry-after'])).toBe(60);
  });

  test('after waiting Retry-After the next call passes', async ({ emu }) => {
    const token = await emu.token();
    await burn(emu, token, 50);
    await emu.advance(20);
    await burn(emu, token, 50);
    const res = await emu.call('GET', LIST, { token });
    expect(Number(res.headers['retry-after'])).toBe(40);
    await emu.advance(40);
    await burn(emu, token, 50);
    expect((await emu.call('GET', LIST, { token })).statusCode).toBe(429);
  });

  test('a 429 is not counted: throttled calls do not push the window out', async ({ emu }) => {
    const token = await emu.token();
    await burn(emu, token, 100);
    for (let i = 0; i < 20; i++) expect((await emu.call('GET', LIST, { token })).statusCode).toBe(429);
    await emu.advance(60);
    await burn(emu, token, 100);
  });

  test('every authenticated call counts, whatever it answers', async ({ emu }) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++)
      expect((await emu.cancel('00000000-0000-0000-0000-000000000000', token)).statusCode).toBe(404);
    expect((await emu.cancel('00000000-0000-0000-0000-000000000000', token)).statusCode).toBe(429);
  });

  test('unauthenticated calls are not counted', async ({ emu }) => {
    const token = await emu.token();
    for (let i = 0; i < 150; i++) await emu.call('GET', LIST, { headers: { authorization: 'Bearer nope' } });
    await burn(emu, token, 100);
  });

  test('limits are per operation and per app', async ({ emu }) => {
    const token = await emu.token();
    const other = await emu.token();
    await burn(emu, token, 100);
    expect((await emu.get('00000000-0000-0000-0000-000000000000', token)).statusCode).toBe(404);
    expect((await emu.call('GET', LIST, { token: other })).statusCode).toBe(200);
  });

  test('the versioned path shares the operation count', async ({ emu }) => {
    const token = await emu.token();
    await burn(emu, token, 100);
    expect((await emu.call('GET', `/api/v1.0${LIST.slice(4)}`, { token })).statusCode).toBe(429);
  });

  test('call 1501 within the hour answers 429 with Retry-After past the minute', async ({ emu }) => {
    const token = await emu.token();
    for (let round = 0; round < 15; round++) {
      await burn(emu, token, 100);
      await emu.advance(60);
    }
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBe(3600 - 15 * 60);
    await emu.advance(Number(res.headers['retry-after']));
    expect((await emu.call('GET', LIST, { token: await emu.renew(token) })).statusCode).toBe(200);
  });

  test('a throttled cancel changes nothing', async ({ emu }) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    for (let i = 0; i < 100; i++) await emu.cancel('00000000-0000-0000-0000-000000000000', token);
    expect((await emu.cancel(action.id as string, token)).statusCode).toBe(429);
    expect((await emu.get(action.id as string, token)).json().status).toBe('Pending');
  });
});

test.describe('rate limits switched off', () => {
  test.use({ emulatorOptions: { rateLimits: false } });

  test('rateLimits: false lets call 101 through', async ({ emu }) => {
    const token = await emu.token();
    await burn(emu, token, 150);
  });
});

test.describe('rate limits with fixed windows (strict-odata)', () => {
  test.use({ emulatorOptions: { profile: 'strict-odata' } });

  test('the window opens at the first call; Retry-After is an HTTP-date from the Date header', async ({
    emu,
  }) => {
    const token = await emu.token();
    await emu.advance(30);
    await burn(emu, token, 100);
    await emu.advance(10);
    const res = await emu.call('GET', LIST, { token });
    expect(res.statusCode).toBe(429);
    const wait =
      (Date.parse(String(res.headers['retry-after'])) - Date.parse(String(res.headers['date']))) / 1000;
    expect(wait).toBe(50);
    expect(Date.parse(String(res.headers['date']))).toBe(START_MS + 40_000);
    await emu.advance(wait);
    await burn(emu, token, 100);
  });
});

test.describe('rate limits with clock-aligned fixed windows', () => {
  test.use({
    emulatorOptions: {
      profileDocument: { profileVersion: 1, points: { 'rate-window': { reading: 'fixed-clock-aligned' } } },
    },
  });

  test('a clock minute resets the count at the boundary', async ({ emu }) => {
    await emu.advance(50);
    const token = await emu.token();
    await burn(emu, token, 100);
    const res = await emu.call('GET', LIST, { token });
    expect(Number(res.headers['retry-after'])).toBe(10);
    await emu.advance(10);
    await burn(emu, token, 100);
  });
});
