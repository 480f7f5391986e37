import { existsSync, renameSync } from 'node:fs';
import { adoptAbandoned } from '../../../../src/harness/drivers/tenant/abandoned-actions.ts';
import { setAsideEarlierLedgers } from '../../../../src/harness/drivers/tenant/earlier-ledgers.ts';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import {
  actionLedgerFile,
  writeTenantReports,
} from '../../../../src/harness/drivers/tenant/tenant-reports.ts';
import { createTenantRuntime } from '../../../../src/harness/drivers/tenant/tenant-runtime.ts';
import { TenantState } from '../../../../src/harness/drivers/tenant/tenant-state.ts';
import { NotApplicableError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { DEAD_PID, type FakeAnswer, RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A worker killed mid-test (SIGKILL, out of memory) runs no teardown: proved on the tenant rehearsal,
// its scan stayed Pending, every later scan of the run was refused as a duplicate (19 NA) and
// tenant-ledger.json listed no action at all.

// One device that runs one scan at a time (a duplicate is refused) and shows a cancel at once.
function device() {
  let count = 0;
  const actions = new Map<string, string>();
  const running = () => [...actions].find(([, status]) => status === 'Pending')?.[0];
  const answer = (url: string, method: string): FakeAnswer => {
    if (url.endsWith('/runAntiVirusScan')) {
      if (running()) return { status: 400, body: { error: { code: 'ActiveRequestAlreadyExists' } } };
      const id = `aaaaaaaa-0000-4000-8000-${String(++count).padStart(12, '0')}`;
      actions.set(id, 'Pending');
      return scan(id);
    }
    const id = new URL(url).pathname.split('/')[3]!;
    if (method === 'POST') actions.set(id, 'Cancelled');
    return { status: 200, body: { ...scan(id).body, status: actions.get(id) } };
  };
  return { ...tenant(WRITES, answer), actions };
}

// The worker that dies: it starts a scan, and its process is gone before any teardown.
async function workerThatDies() {
  const dead = device();
  const { id } = await new TenantDriver(dead.state).activeAction();
  const { resultsDir, spec } = dead.state.options;
  const file = actionLedgerFile(resultsDir, RUN, spec, process.pid);
  expect(existsSync(file), 'the action is on disk as soon as it is created').toBe(true);
  renameSync(file, actionLedgerFile(resultsDir, RUN, spec, DEAD_PID));
  return { ...dead, id };
}

function nextWorker(dead: TenantState): TenantState {
  const state = new TenantState(dead.options);
  state.token = async () => 'token';
  return state;
}

test("the run's next worker cancels the scan a dead worker left running, before its own scan", async () => {
  const dead = await workerThatDies();
  const next = nextWorker(dead.state);
  const mine = await new TenantDriver(next).activeAction();
  expect(dead.actions.get(dead.id)).toBe('Cancelled');
  expect(mine.id).not.toBe(dead.id);
  expect(dead.sent).toContain(`POST /api/machineactions/${dead.id}/cancel`);
  expect(next.created.get(dead.id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
  // Listed once, with how it ended.
  next.writeLedger();
  const reports = tempDir('abandoned-reports-');
  const { resultsDir, spec } = next.options;
  expect(writeTenantReports(RUN, spec, { resultsDir, reportsDir: reports })).toEqual([
    expect.stringContaining(`action ${mine.id}`),
  ]);
});

test("the worker's last sweep takes over a dead worker's scan too", async () => {
  const dead = await workerThatDies();
  // A runtime over the same tenant, as the next worker's fixture builds it; no test of it scans.
  const runtime = createTenantRuntime(dead.state.options);
  // No token endpoint in a unit test: the runtime's own state signs in as the fake tenant's does.
  const token = TenantState.prototype.token;
  TenantState.prototype.token = async () => 'token';
  try {
    await runtime.close();
  } finally {
    TenantState.prototype.token = token;
  }
  expect(dead.actions.get(dead.id)).toBe('Cancelled');
});

test('an action of the run that nothing cancelled is a problem of the reports, never left unsaid', async () => {
  const dead = await workerThatDies();
  const reports = tempDir('abandoned-reports-');
  const { resultsDir, spec } = dead.state.options;
  const problems = writeTenantReports(RUN, spec, { resultsDir, reportsDir: reports });
  expect(problems).toEqual([expect.stringContaining(`action ${dead.id}`)]);
  expect(problems[0]).toContain('never cancelled');
});

// Proved on the tenant rehearsal: a run SIGKILLed after its scan, then a run with the same MDE_RUN_ID
// (a CI re-run): the new run's worker took the killed run's ledger for a dead worker's of its own,
// cancelled that run's scan and listed it in its own tenant-ledger.json as started by this run.
test("a run with an earlier run's MDE_RUN_ID takes over none of that run's actions", async () => {
  const dead = await workerThatDies();
  const { resultsDir, spec } = dead.state.options;
  // As the run starts (tests/fixtures/global-setup.ts).
  const aside = setAsideEarlierLedgers(resultsDir, RUN, new Date(0));
  expect(aside).toHaveLength(1);
  expect(existsSync(aside[0]!), 'kept: the only record of what the killed run started').toBe(true);
  const next = nextWorker(dead.state);
  // The killed run's scan keeps the device busy: this run's scan is refused as a duplicate, N/A.
  await expect(new TenantDriver(next).activeAction()).rejects.toBeInstanceOf(NotApplicableError);
  expect(dead.actions.get(dead.id)).toBe('Pending');
  expect(dead.sent).not.toContain(`POST /api/machineactions/${dead.id}/cancel`);
  next.writeLedger();
  const problems = writeTenantReports(RUN, spec, { resultsDir, reportsDir: tempDir('abandoned-reports-') });
  expect(problems.join('\n')).not.toContain(dead.id);
});

test('a ledger whose writer still runs stays: a run with the same id beside this one', async () => {
  const dead = await workerThatDies();
  const { resultsDir } = dead.state.options;
  expect(setAsideEarlierLedgers(resultsDir, RUN, new Date(0), () => true)).toEqual([]);
  expect(setAsideEarlierLedgers(resultsDir, 'run', new Date(0), () => false)).toEqual([]);
});

// Only a dead worker's actions are taken over: a live one's scan is its own test's, still running, and
// cancelling it would break that test (and list the action twice in tenant-ledger.json).
test("a live worker's ledger is left to it: its scan is not cancelled, its file stays", async () => {
  const other = device();
  const { id } = await new TenantDriver(other.state).activeAction();
  const { resultsDir, spec } = other.state.options;
  // The runner that started this worker is alive, and started before the file was written.
  const live = actionLedgerFile(resultsDir, RUN, spec, process.ppid);
  renameSync(actionLedgerFile(resultsDir, RUN, spec, process.pid), live);
  const next = nextWorker(other.state);
  expect(adoptAbandoned(next)).toEqual([]);
  expect(existsSync(live)).toBe(true);
  expect(next.created.has(id)).toBe(false);
  expect(other.actions.get(id)).toBe('Pending');
});
