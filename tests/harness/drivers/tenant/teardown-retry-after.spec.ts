import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A 429 whose Retry-After says "now" (0, or a date at or before its Date: a server that rounds the
// time left down) breaks RATE.RETRYAFTER, but the teardown still has a scan to stop: asked again at
// once, its cancel met 429 again and the scan ran on after the run. As for a 429 with no usable
// Retry-After, it waits the minute.
const DATE = (ms: number) => new Date(ms).toUTCString();

for (const [what, value] of [
  ['0', () => '0'],
  ['a date equal to its Date', (now: number) => DATE(now)],
  ['a date before its Date', (now: number) => DATE(now - 5_000)],
] as const)
  test(`a teardown cancel answered 429 with Retry-After ${what} waits the minute before asking again`, async () => {
    const clock = fakeClock();
    const id = 'bbbbbbbb-0000-4000-8000-000000000009';
    const frees = clock.now() + 30_000;
    const answer = (url: string, method: string): FakeAnswer => {
      if (url.endsWith('/runAntiVirusScan')) return scan(id);
      if (method === 'POST' && clock.now() < frees)
        return {
          status: 429,
          body: { error: { code: 'TooManyRequests', message: 'm' } },
          headers: { date: DATE(clock.now()), 'retry-after': value(clock.now()) },
        };
      const cancelled = method === 'POST' || clock.now() >= frees;
      return { status: 200, body: { ...scan(id).body, status: cancelled ? 'Cancelled' : 'Pending' } };
    };
    const { state } = tenant(WRITES, answer, clock);
    const driver = new TenantDriver(state);
    await driver.activeAction();
    await driver.teardown();
    expect(clock.slept.every((ms) => ms >= 0)).toBe(true);
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
  });
