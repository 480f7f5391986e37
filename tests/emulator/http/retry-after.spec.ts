import { type Emu, expect, test } from '../emulator-fixture.ts';
import { readings } from '../profiles/readings.ts';

// docs/contract.md#retry-after-form and docs/contract.md#retry-after-value, on the virtual clock.
const LIST = '/api/machineactions';

async function throttled(emu: Emu, token: string) {
  for (let i = 0; i < 100; i++) await emu.call('GET', LIST, { token });
  const res = await emu.call('GET', LIST, { token });
  expect(res.statusCode).toBe(429);
  return res;
}

const secondsAfterDate = (res: { headers: Record<string, unknown> }) =>
  (Date.parse(String(res.headers['retry-after'])) - Date.parse(String(res.headers['date']))) / 1000;

test.describe('retry-after-form http-date', () => {
  test.use({ emulatorOptions: readings({ 'retry-after-form': 'http-date' }) });

  test('mid-second, a 60 s wait names the date 61 s after the truncated Date header', async ({ emu }) => {
    await emu.advance(0.5);
    const token = await emu.token();
    const res = await throttled(emu, token);
    const now = emu.clock.now();
    expect(secondsAfterDate(res)).toBe(61);
    expect(Date.parse(String(res.headers['retry-after']))).toBeGreaterThanOrEqual(now + 60_000);
  });

  test('on a whole second, the same wait names the date exactly 60 s after Date', async ({ emu }) => {
    const token = await emu.token();
    expect(secondsAfterDate(await throttled(emu, token))).toBe(60);
  });

  test('the date is never earlier than now + wait, whatever the millisecond', async ({ emu }) => {
    await emu.advance(0.5);
    const token = await emu.token();
    // The sliding window frees its first slot 60 s after these calls, whenever the next call comes.
    const freeAt = emu.clock.now() + 60_000;
    for (let i = 0; i < 100; i++) await emu.call('GET', LIST, { token });
    for (const step of [0.001, 0.333, 0.166]) {
      await emu.advance(step);
      const date = Date.parse(String((await emu.call('GET', LIST, { token })).headers['retry-after']));
      expect(date).toBeGreaterThanOrEqual(freeAt);
      expect(date).toBeLessThan(freeAt + 1000);
    }
  });
});

test.describe('retry-after-value whole-window', () => {
  test.use({ emulatorOptions: readings({ 'retry-after-value': 'whole-window' }) });

  test('a minute 429 says 60 although the window frees a slot sooner', async ({ emu }) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.call('GET', LIST, { token });
    await emu.advance(30);
    const res = await emu.call('GET', LIST, { token });
    expect([res.statusCode, res.headers['retry-after']]).toEqual([429, '60']);
  });

  test('an hour 429 says 3600', async ({ emu }) => {
    const token = await emu.token();
    for (let minute = 0; minute < 15; minute++) {
      for (let i = 0; i < 100; i++) await emu.call('GET', LIST, { token });
      await emu.advance(60);
    }
    const res = await emu.call('GET', LIST, { token });
    expect([res.statusCode, res.headers['retry-after']]).toEqual([429, '3600']);
  });
});
