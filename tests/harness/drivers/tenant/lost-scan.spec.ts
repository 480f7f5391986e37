import { existsSync, readFileSync, renameSync } from 'node:fs';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import {
  actionLedgerFile,
  writeTenantReports,
} from '../../../../src/harness/drivers/tenant/tenant-reports.ts';
import { createTenantRuntime } from '../../../../src/harness/drivers/tenant/tenant-runtime.ts';
import { TenantState } from '../../../../src/harness/drivers/tenant/tenant-state.ts';
import { TransportError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import {
  DEAD_PID,
  type FakeAnswer,
  fakeClock,
  MACHINE,
  RUN,
  scan,
  tenant,
  WRITES,
} from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A scan whose answer is lost (a reset, MDE_REQUEST_TIMEOUT_SECONDS passed, the worker killed while it
// waited) may still have started the scan: the tenant got the request. Nothing recorded it, so no
// teardown cancelled it and it ran on after the run, unnamed in tenant-ledger.json.

// One device whose first scan is started but its answer lost; it lists its actions and shows a cancel
// at once. `listedAfter`: how many lists of the device miss the new scan (a list lagging behind);
// `listsComments`: false for a list that leaves requestorComment out (any member but four may be).
function device(listedAfter = 0, listsComments = true) {
  const clock = fakeClock();
  let count = 0;
  let lists = 0;
  const actions = new Map<string, string>();
  const createdAt = new Map<string, string>();
  // A scan an earlier run with this MDE_RUN_ID left running an hour ago (a CI re-run): never this run's.
  const EARLIER = 'bbbbbbbb-0000-4000-8000-000000000001';
  actions.set(EARLIER, 'Pending');
  createdAt.set(EARLIER, new Date(clock.now() - 3_600_000).toISOString());
  const answer = (url: string, method: string): FakeAnswer => {
    const path = new URL(url).pathname;
    if (path.endsWith('/runAntiVirusScan')) {
      const id = `aaaaaaaa-0000-4000-8000-${String(++count).padStart(12, '0')}`;
      actions.set(id, 'Pending');
      createdAt.set(id, new Date(clock.now()).toISOString());
      if (count === 1) throw new Error('socket hang up');
      return scan(id);
    }
    if (path === '/api/machineactions') {
      lists += 1;
      const value = [...actions].slice(0, lists > listedAfter ? undefined : 0).map(([id, status]) => ({
        ...scan(id).body,
        machineId: MACHINE,
        status,
        creationDateTimeUtc: createdAt.get(id),
        ...(listsComments ? {} : { requestorComment: null }),
      }));
      return { status: 200, body: { value } };
    }
    const id = path.split('/')[3]!;
    if (method === 'POST') actions.set(id, 'Cancelled');
    return { status: 200, body: { ...scan(id).body, status: actions.get(id) } };
  };
  return { ...tenant(WRITES, answer, clock), actions, EARLIER };
}

test("the teardown finds and cancels the scan whose answer was lost, by the run's tag", async () => {
  const { state, actions, EARLIER } = device();
  const driver = new TenantDriver(state);
  await expect(driver.activeAction()).rejects.toBeInstanceOf(TransportError);
  expect(takeNoVerdicts().map((f) => f.cause)).toEqual(['wire']);
  await driver.teardown();
  const [, id] = actions.keys();
  expect(actions.get(id!)).toBe('Cancelled');
  expect(actions.get(EARLIER), "an earlier run's scan with the same tag is left alone").toBe('Pending');
  expect(state.created.get(id!)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
  // Found, it is no longer a request unanswered: the reports hold no problem for it.
  const { resultsDir, spec } = state.options;
  expect(writeTenantReports(RUN, spec, { resultsDir, reportsDir: `${resultsDir}/reports` })).toEqual([]);
});

test('a lost scan listed without requestorComment is told by its own read, and cancelled', async () => {
  const { state, actions, EARLIER } = device(0, false);
  const driver = new TenantDriver(state);
  await expect(driver.activeAction()).rejects.toBeInstanceOf(TransportError);
  takeNoVerdicts();
  await driver.teardown();
  const [, id] = actions.keys();
  expect(actions.get(id!)).toBe('Cancelled');
  expect(actions.get(EARLIER)).toBe('Pending');
  expect(state.unansweredScans).toEqual([]);
});

test('a scan lost while its worker was killed is found by the next worker before its own scan', async () => {
  const dead = device();
  const driver = new TenantDriver(dead.state);
  // The worker dies while the scan is on the wire: its teardown never runs.
  await expect(driver.activeAction()).rejects.toBeInstanceOf(TransportError);
  takeNoVerdicts();
  const { resultsDir, spec } = dead.state.options;
  const file = actionLedgerFile(resultsDir, RUN, spec, process.pid);
  expect(existsSync(file), 'the scan sent is on disk before its answer').toBe(true);
  renameSync(file, actionLedgerFile(resultsDir, RUN, spec, DEAD_PID));
  const next = new TenantState(dead.state.options);
  next.token = async () => 'token';
  const mine = await new TenantDriver(next).activeAction();
  const [, lost] = dead.actions.keys();
  expect(dead.actions.get(lost!)).toBe('Cancelled');
  expect(mine.id).not.toBe(lost);
});

test('a lost scan no list shows is a run problem naming it, never left unsaid', async () => {
  const { state } = device(Number.POSITIVE_INFINITY);
  const runtime = createTenantRuntime(state.options);
  // No token endpoint in a unit test: the runtime's own state signs in as the fake tenant's does.
  const token = TenantState.prototype.token;
  TenantState.prototype.token = async () => 'token';
  try {
    await expect(runtime.newDriver().activeAction()).rejects.toBeInstanceOf(TransportError);
    takeNoVerdicts();
    await runtime.close();
  } finally {
    TenantState.prototype.token = token;
  }
  const { resultsDir, spec } = state.options;
  const problems = writeTenantReports(RUN, spec, { resultsDir, reportsDir: `${resultsDir}/reports` });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('got no answer');
  const ledger = JSON.parse(readFileSync(`${resultsDir}/reports/tenant-ledger.json`, 'utf8'));
  expect(ledger.actions).toEqual([]);
});

test("the teardown looks for a lost scan when the run's hour share of lists is spent", async () => {
  const { state, actions } = device();
  const driver = new TenantDriver(state);
  await expect(driver.activeAction()).rejects.toBeInstanceOf(TransportError);
  takeNoVerdicts();
  // The default share (0.5) of 1,500 lists an hour, spent a few a minute: a test's list is refused.
  const key = state.quotaKey('operator');
  const at = (i: number) => state.clock.now() - 3_500_000 + i * 4_000;
  for (let i = 0; i < 750; i++) state.ledger.tryReserve(key, 'ListMachineActions', false, at(i));
  expect(() => state.ledger.tryReserve(key, 'ListMachineActions')).toThrow(/share 750 of 1500/);
  await driver.teardown();
  const [, id] = actions.keys();
  expect(actions.get(id!)).toBe('Cancelled');
});
