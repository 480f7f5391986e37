import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A teardown cancel the tenant refuses for now (429), fails (5xx) or loses on the wire is asked again:
// asked once, it left the test's scan running on the device after the run (tenant-teardown.spec.ts: how
// the teardown waits for a cancel to show).

// The rate tests spend the app's minute: RATE.NOEFFECT's teardown and the worker's last sweep both
// met 429 and the scan ran on after the run (proved on the tenant rehearsal).
test('a teardown cancel answered 429 is asked again after Retry-After, within the minute', async () => {
  const clock = fakeClock();
  let refused = 0;
  const answer = (url: string, method: string): FakeAnswer => {
    if (url.endsWith('/runAntiVirusScan')) return scan('bbbbbbbb-0000-4000-8000-000000000001');
    if (method === 'POST' && refused++ === 0)
      return { status: 429, body: { error: { code: 'TooManyRequests' } }, headers: { 'retry-after': '7' } };
    const status = method === 'POST' || refused > 1 ? 'Cancelled' : 'Pending';
    return { status: 200, body: { ...scan('bbbbbbbb-0000-4000-8000-000000000001').body, status } };
  };
  const { state, sent } = tenant(WRITES, answer, clock);
  const driver = new TenantDriver(state);
  const { id } = await driver.activeAction();
  await driver.teardown();
  expect(sent.filter((s) => s === `POST /api/machineactions/${id}/cancel`)).toHaveLength(2);
  expect(clock.slept[0]).toBe(7_000);
  expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
});

// A date is read against the answer's Date and both have one-second resolution: a tenant that rounds
// up names a date up to a second past the minute (docs/contract.md#retry-after-form). Cut to the minute,
// the teardown asked again a second early, met 429 again, and the scan ran on after the run.
test('a teardown cancel answered 429 with an HTTP-date a minute and a second ahead waits all of it', async () => {
  const clock = fakeClock();
  const id = 'bbbbbbbb-0000-4000-8000-000000000002';
  const frees = clock.now() + 60_500;
  const date = (ms: number) => new Date(ms).toUTCString();
  const answer = (url: string, method: string): FakeAnswer => {
    if (url.endsWith('/runAntiVirusScan')) return scan(id);
    if (method === 'POST' && clock.now() < frees)
      return {
        status: 429,
        body: { error: { code: 'TooManyRequests' } },
        headers: { date: date(clock.now()), 'retry-after': date(clock.now() + 61_000) },
      };
    const cancelled = method === 'POST' || clock.now() >= frees;
    return { status: 200, body: { ...scan(id).body, status: cancelled ? 'Cancelled' : 'Pending' } };
  };
  const { state } = tenant(WRITES, answer, clock);
  const driver = new TenantDriver(state);
  await driver.activeAction();
  await driver.teardown();
  expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
});

// A 5xx is a server failure worth retrying (docs/contract.md#error-codes), and a lost cancel may not
// have arrived: asked once, the teardown left the scan running on the device after one such answer.
for (const failure of ['500', 'lost'] as const)
  test(`a teardown cancel that meets ${failure === 'lost' ? 'a lost exchange' : 'a 500'} is asked again`, async () => {
    const id = 'bbbbbbbb-0000-4000-8000-000000000003';
    let posts = 0;
    let cancelled = false;
    const answer = (url: string, method: string): FakeAnswer => {
      if (url.endsWith('/runAntiVirusScan')) return scan(id);
      if (method === 'POST' && posts++ === 0) {
        if (failure === 'lost') throw new Error('socket hang up');
        return { status: 500, body: { error: { code: 'InternalServerError', message: 'x' } } };
      }
      if (method === 'POST') cancelled = true;
      return { status: 200, body: { ...scan(id).body, status: cancelled ? 'Cancelled' : 'Pending' } };
    };
    const { state } = tenant(WRITES, answer);
    const driver = new TenantDriver(state);
    await driver.activeAction();
    await driver.teardown();
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
    expect(takeNoVerdicts()).toEqual([]);
  });

// A teardown of one scan whose cancels meet `post` (given the asking's number, from 0): the first
// asking arrives whatever its answer, and a GET shows the scan Cancelled 3 s after it. Answers what the
// run's ledger then holds of the scan.
async function teardownAsked(id: string, post: (asking: number) => FakeAnswer) {
  const clock = fakeClock();
  let askings = 0;
  let cancelledAt: number | undefined;
  const answer = (url: string, method: string): FakeAnswer => {
    if (url.endsWith('/runAntiVirusScan')) return scan(id);
    if (method === 'POST') {
      cancelledAt ??= clock.now();
      return post(askings++);
    }
    const shown = cancelledAt !== undefined && clock.now() - cancelledAt >= 3_000;
    return { status: 200, body: { ...scan(id).body, status: shown ? 'Cancelled' : 'Pending' } };
  };
  const { state } = tenant(WRITES, answer, clock);
  const driver = new TenantDriver(state);
  await driver.activeAction();
  await driver.teardown();
  return state.created.get(id);
}

const lost = (): never => {
  throw new Error('socket hang up');
};

// A cancel lost on the wire may have arrived all the same: then the second asking is refused (the
// action is cancelled already) while a GET still shows it Pending (docs/contract.md#cancel-visible-after).
// Read once, the teardown called the run's own cancelled scan "never cancelled", a run error.
test('a teardown cancel lost after it arrived, then refused, is read until its cancel shows', async () => {
  const refusedAgain = (asking: number): FakeAnswer =>
    asking === 0 ? lost() : { status: 400, body: { error: { code: 'BadRequest', message: 'x' } } };
  expect(await teardownAsked('bbbbbbbb-0000-4000-8000-000000000004', refusedAgain)).toMatchObject({
    lastStatus: 'Cancelled',
  });
  expect(takeNoVerdicts()).toEqual([]);
});

// Both askings lost: the first may have cancelled all the same, so the action is read until it shows
// ended rather than left "unknown" for the run's report.
test('a teardown cancel lost twice is read until its cancel shows', async () => {
  expect(await teardownAsked('bbbbbbbb-0000-4000-8000-000000000005', lost)).toMatchObject({
    lastStatus: 'Cancelled',
  });
  expect(takeNoVerdicts()).toEqual([]);
});
