import { buildApp } from '../../../src/emulator/index.ts';
import { LATEST_CLOCK_MS, MAX_ADVANCE_SECONDS } from '../../../src/emulator/routes/clock-advance.ts';
import { Emu, errorCode, expect, START_MS, test } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

// The virtual clock of the control protocol (docs/interfaces.md#virtual-clock): it only moves forward
// and a reset keeps it, so an advance it cannot survive must be refused, not taken.
test.describe('control protocol: the clock', () => {
  test('GET /clock answers the virtual now in RFC 3339', async ({ emu }) => {
    const res = await emu.control('GET', '/clock');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: new Date(START_MS).toISOString() });
  });

  test('POST /clock/advance moves the clock forward and answers the new now', async ({ emu }) => {
    const res = await emu.control('POST', '/clock/advance', { seconds: 90.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: new Date(START_MS + 90_500).toISOString() });
    expect((await emu.control('GET', '/clock')).json().now).toBe(new Date(START_MS + 90_500).toISOString());
  });

  test('ten years in one call is the most, and is taken', async ({ emu }) => {
    const res = await emu.control('POST', '/clock/advance', { seconds: MAX_ADVANCE_SECONDS });
    expect(res.statusCode).toBe(200);
    expect(res.json().now).toBe(new Date(START_MS + MAX_ADVANCE_SECONDS * 1000).toISOString());
  });

  for (const body of [
    { seconds: 0 },
    { seconds: -5 },
    { seconds: '60' },
    {},
    { seconds: null },
    { seconds: true },
    { seconds: [60] },
    { seconds: MAX_ADVANCE_SECONDS + 1 },
    { seconds: 1e13 },
    { seconds: Number.MAX_VALUE },
  ]) {
    test(`POST /clock/advance ${JSON.stringify(body)} answers 400 with the allowed range`, async ({
      emu,
    }) => {
      const res = await emu.control('POST', '/clock/advance', body);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain(
        `seconds must be a number > 0 and at most ${MAX_ADVANCE_SECONDS} (10 years) per call`,
      );
    });
  }

  test('a refused huge advance leaves the clock, the API and reset working', async ({ emu }) => {
    // 1e13 s is past the last date JavaScript can write: taken, it made every later answer a 500.
    expect((await emu.control('POST', '/clock/advance', { seconds: 1e13 })).statusCode).toBe(400);
    expect((await emu.control('GET', '/clock')).json()).toEqual({ now: new Date(START_MS).toISOString() });
    const token = await emu.token();
    expect((await emu.call('GET', '/api/machineactions', { token })).statusCode).toBe(200);
    expect((await emu.control('POST', '/reset')).statusCode).toBe(204);
    expect((await emu.control('GET', '/clock')).statusCode).toBe(200);
  });

  test('1e400 (Infinity once parsed) and a non-JSON Infinity are refused with 400', async ({ emu }) => {
    for (const payload of ['{"seconds": 1e400}', '{"seconds": Infinity}', '{"seconds": NaN}']) {
      const res = await emu.app.inject({
        method: 'POST',
        url: '/_emulator/clock/advance',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(['InvalidInput', 'InvalidRequestBody'], payload).toContain(errorCode(res));
    }
  });

  for (const payload of ['null', '[]', '[60]', '60', '"60"', 'true']) {
    test(`POST /clock/advance with the body ${payload} answers 400 asking for an object`, async ({ emu }) => {
      const res = await emu.app.inject({
        method: 'POST',
        url: '/_emulator/clock/advance',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('InvalidInput');
      expect(res.json().error.message).toContain('The body must be a JSON object');
    });
  }

  test('POST /clock/advance with malformed JSON answers 400 InvalidRequestBody', async ({ emu }) => {
    const res = await emu.app.inject({
      method: 'POST',
      url: '/_emulator/clock/advance',
      headers: { 'content-type': 'application/json' },
      payload: '{"seconds":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('InvalidRequestBody');
  });
});

test.describe('control protocol: the end of the clock', () => {
  const NEAR_END_MS = LATEST_CLOCK_MS - 30 * 86_400_000;

  test('an advance past the last writable day is refused, saying how far it may go', async () => {
    const app = await buildApp({}, { ...(await testKeys()), timeSource: { now: () => NEAR_END_MS } });
    const emu = new Emu(app);
    try {
      const refused = await emu.control('POST', '/clock/advance', { seconds: 31 * 86_400 });
      expect(refused.statusCode).toBe(400);
      expect(errorCode(refused)).toBe('InvalidInput');
      expect(refused.json().error.message).toContain(`seconds must be at most ${30 * 86_400} now`);
      expect(refused.json().error.message).toContain('9999-12-31T00:00:00.000Z');
      const taken = await emu.control('POST', '/clock/advance', { seconds: 30 * 86_400 });
      expect(taken.json()).toEqual({ now: '9999-12-31T00:00:00.000Z' });
      expect((await emu.control('POST', '/clock/advance', { seconds: 1 })).statusCode).toBe(400);
      // Whatever reads the clock still answers: a token, a seeded action's timestamps.
      const token = await emu.token();
      await emu.machine();
      const action = await emu.seed('Pending');
      expect(action['creationDateTimeUtc']).toBe('9999-12-31T00:00:00.0000000Z');
      expect((await emu.get(action['id'] as string, token)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
