import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { QuotaExceededError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, MACHINE, scan, tenant } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// MDE_QUOTA_SHARE keeps room for the app's other automation; the teardown's cancel stops an action
// the run left running on a device. With the share's minute spent it waited on the ledger for up to a
// minute (a stop outlasts a CI service's grace and a SIGKILL leaves the scan running), and with the
// hour's share spent it was refused outright. The tenant's own limit still holds: a 429 is waited out.
const CANCEL = 'CancelMachineAction';
const ID = 'bbbbbbbb-0000-4000-8000-000000000021';

function device() {
  const clock = fakeClock();
  let cancelled = false;
  const answer = (url: string, method: string): FakeAnswer => {
    if (url.endsWith('/runAntiVirusScan')) return scan(ID);
    if (method === 'POST') cancelled = true;
    return { status: 200, body: { ...scan(ID).body, status: cancelled ? 'Cancelled' : 'Pending' } };
  };
  // A share of 0.05 leaves 5 cancels a minute and 75 an hour of the contract's 100 and 1,500.
  return tenant({ machineId: MACHINE, allowWrites: true, quotaShare: 0.05 }, answer, clock);
}

for (const [spent, calls] of [
  ['minute', 5],
  ['hour', 75],
] as const)
  test(`the teardown's cancel is sent when the run's ${spent} share of cancels is spent`, async () => {
    test.setTimeout(10_000);
    const { state } = device();
    const driver = new TenantDriver(state);
    await driver.activeAction();
    const key = state.quotaKey('operator');
    // Spent in this minute, or over the hour a few a minute: the ledger now holds or refuses a cancel.
    const at = (i: number) => state.clock.now() - (spent === 'hour' ? 3_500_000 - i * 46_000 : 0);
    for (let i = 0; i < calls; i++) expect(state.ledger.tryReserve(key, CANCEL, false, at(i))).toBe(0);
    if (spent === 'minute') expect(state.ledger.tryReserve(key, CANCEL)).toBeGreaterThan(0);
    else expect(() => state.ledger.tryReserve(key, CANCEL)).toThrow(QuotaExceededError);
    await driver.teardown();
    expect(state.created.get(ID)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
    // Counted all the same, so reports/quota.json shows what the run spent.
    const counted = state.ledger.report().calls.find((c) => c.operationId === CANCEL);
    expect(counted?.total).toBe(calls + 1);
  });

// A scan to cancel, with the operator's five cancels of the minute (the share's) spent.
async function minuteOfCancelsSpent() {
  const { state, clock } = device();
  const driver = new TenantDriver(state);
  const action = await driver.activeAction();
  const key = state.quotaKey('operator');
  for (let i = 0; i < 5; i++) expect(state.ledger.tryReserve(key, CANCEL)).toBe(0);
  return { state, clock, action, api: await driver.client('operator') };
}

// A test's own cancel still keeps to the share: it waits, on the run's clock, for the minute to free.
test("a test's cancel with the minute share spent waits on the run's clock for the window", async () => {
  const { clock, action, api } = await minuteOfCancelsSpent();
  expect((await api.cancel(action.id, { Comment: 'c' })).status).toBe(200);
  expect(clock.slept).toContain(60_000);
});

// A stop found the share's reads of the minute spent (a run well under way): the teardown's read of
// the action it cancelled waited for the next minute, and Ctrl-C took 50 s instead of a few.
test("the teardown's reads are sent when the run's minute share of reads is spent", async () => {
  const { state, clock } = device();
  const driver = new TenantDriver(state);
  await driver.activeAction();
  const key = state.quotaKey('operator');
  // Five reads a minute at this share, some of them spent on starting the scan.
  while (state.ledger.tryReserve(key, 'GetMachineAction') === 0);
  await driver.teardown();
  expect(state.created.get(ID)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
  expect(clock.slept.filter((ms) => ms > 30_000)).toEqual([]);
});

// A call without Authorization spends nothing of the app's quota, however the tenant counts its limits:
// counted, the two of a read-only run made its cancels 51, one more than the default share's minute.
test('a cancel sent without Authorization is neither held nor counted by the quota ledger', async () => {
  const { state, clock, action, api } = await minuteOfCancelsSpent();
  await api.cancel(action.id, { Comment: 'c' }, { authorization: null });
  expect(clock.slept.filter((ms) => ms > 30_000)).toEqual([]);
  expect(state.ledger.report().calls.find((c) => c.operationId === CANCEL)?.total).toBe(5);
});

// `Authorization: Bearer` with no token after it (AUTH.INVALID's) names no app either.
test('a cancel whose Authorization holds a scheme and no token is neither held nor counted', async () => {
  for (const authorization of ['Bearer', 'Bearer  ', '']) {
    const { state, clock, action, api } = await minuteOfCancelsSpent();
    await api.cancel(action.id, { Comment: 'c' }, { authorization });
    expect(
      clock.slept.filter((ms) => ms > 30_000),
      JSON.stringify(authorization),
    ).toEqual([]);
    expect(state.ledger.report().calls.find((c) => c.operationId === CANCEL)?.total).toBe(5);
  }
});

// A token sent without its scheme (AUTH.SCHEME's) still names the app: it waits for the minute as any.
test('a cancel whose Authorization is a token without its scheme is held by the quota ledger', async () => {
  const { clock, action, api } = await minuteOfCancelsSpent();
  await api.cancel(action.id, { Comment: 'c' }, { authorization: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' });
  expect(clock.slept.filter((ms) => ms > 30_000)).not.toEqual([]);
});

// A tenant may count every call of an app together ("per API" reads either way): with
// MDE_QUOTA_SCOPE=app the share holds the app's calls of all operations, where per operation a run
// sent 50 cancels, 50 GETs and more in one minute and met that tenant's 429s in ordinary tests.
test('with the app scope, a read waits once the minute share is spent on cancels', async () => {
  const clock = fakeClock();
  const { state } = tenant({ quotaShare: 0.05, quotaScope: 'app' }, () => ({ status: 200, body: {} }), clock);
  const key = state.quotaKey('operator');
  for (let i = 0; i < 5; i++) expect(state.ledger.tryReserve(key, CANCEL)).toBe(0);
  expect(state.ledger.tryReserve(key, 'GetMachineAction')).toBeGreaterThan(0);
  // reports/quota.json says which share it kept.
  expect(state.ledger.report().scope).toBe('app');
  // Per operation (the default), the same read is sent at once.
  const apart = tenant({ quotaShare: 0.05 }, () => ({ status: 200, body: {} }), fakeClock()).state;
  const own = apart.quotaKey('operator');
  for (let i = 0; i < 5; i++) expect(apart.ledger.tryReserve(own, CANCEL)).toBe(0);
  expect(apart.ledger.tryReserve(own, 'GetMachineAction')).toBe(0);
  expect(apart.ledger.report().scope).toBe('operation');
});

// The hour share too: 75 calls an hour at this share, cancels and reads together, and the next call of
// any operation is refused (per operation, the list has its own 75).
test('with the app scope, the hour share holds every operation together', () => {
  for (const scope of ['app', 'operation'] as const) {
    const clock = fakeClock();
    const { state } = tenant(
      { quotaShare: 0.05, quotaScope: scope },
      () => ({ status: 200, body: {} }),
      clock,
    );
    const key = state.quotaKey('operator');
    // Over the hour, 46 s apart: never more than two in a minute.
    const at = (i: number) => clock.now() - 3_500_000 + i * 46_000;
    for (let i = 0; i < 75; i++)
      expect(state.ledger.tryReserve(key, i % 2 ? 'GetMachineAction' : CANCEL, false, at(i))).toBe(0);
    const list = () => state.ledger.tryReserve(key, 'ListMachineActions');
    if (scope === 'app') expect(list).toThrow(QuotaExceededError);
    else expect(list()).toBe(0);
  }
});
