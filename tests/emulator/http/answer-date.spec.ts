import { type Emu, expect, START_MS, TENANT, test } from '../emulator-fixture.ts';

// Every answer, whichever part of the emulator gives it, carries the virtual clock's time in Date:
// the rate tests and the calibration read the target's clock from it.
const LATER_MS = START_MS + 86_400_000 + 37_000;

async function dateOf(emu: Emu, method: string, url: string, options: Parameters<Emu['call']>[2] = {}) {
  const res = await emu.call(method, url, { unchecked: true, ...options });
  return Date.parse(String(res.headers.date));
}

test.describe('the Date of every answer follows the virtual clock', () => {
  test.beforeEach(async ({ emu }) => emu.advance((LATER_MS - START_MS) / 1000));

  test('an API answer, a refusal and an answer to an unknown path', async ({ emu }) => {
    const token = await emu.token();
    expect(await dateOf(emu, 'GET', '/api/machineactions/nothing-here', { token })).toBe(LATER_MS);
    expect(await dateOf(emu, 'POST', '/api/machineactions/x/cancel', { body: { Comment: 'c' } })).toBe(
      LATER_MS,
    );
    expect(await dateOf(emu, 'GET', '/api/no-such-thing')).toBe(LATER_MS);
  });

  test('an error the router raises before any route runs', async ({ emu }) => {
    expect(await dateOf(emu, 'GET', `/api/machineactions/${'x'.repeat(600)}`)).toBe(LATER_MS);
  });

  test('token and control answers', async ({ emu }) => {
    expect(
      await dateOf(emu, 'POST', `/${TENANT}/oauth2/v2.0/token`, {
        body: 'grant_type=client_credentials',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ).toBe(LATER_MS);
    expect(await dateOf(emu, 'GET', '/_emulator/clock')).toBe(LATER_MS);
  });
});
