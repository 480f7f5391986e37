import { SETTLE_BOUND_SECONDS } from '../../../../src/harness/drivers/eventually.ts';
import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeClock, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// One device of a tenant that runs one scan at a time and answers a duplicate with the running one
// (docs/contract.md#duplicate-actions), and shows a cancel on GET only `lagMs` after its 200
// (docs/contract.md#cancel-visible-after). The clock is fake: waits take no time and are recorded.

function device(lagMs: number, cancelAnswer = 200) {
  const clock = fakeClock();
  let count = 0;
  let running: { id: string; cancelledAt?: number } | undefined;
  // From failReads() on, every GET meets a front door's bare 503.
  let readsFail = false;
  const shown = () => running?.cancelledAt !== undefined && clock.now() - running.cancelledAt >= lagMs;
  const read = (status = 200): FakeAnswer => ({
    ...scan(running!.id, undefined, status),
    body: { ...scan(running!.id).body, status: shown() ? 'Cancelled' : 'Pending' },
  });
  const answer = (url: string, method: string): FakeAnswer => {
    if (method === 'GET' && readsFail) return { status: 503, body: undefined };
    if (url.endsWith('/runAntiVirusScan')) {
      if (!running || shown())
        running = { id: `aaaaaaaa-0000-4000-8000-${String(++count).padStart(12, '0')}` };
      return read(201);
    }
    if (method === 'POST' && cancelAnswer !== 200) return { status: cancelAnswer, body: { error: {} } };
    if (method === 'POST') running!.cancelledAt ??= clock.now();
    return read();
  };
  const failReads = () => {
    readsFail = true;
  };
  return { ...tenant(WRITES, answer, clock), clock, failReads };
}

const total = (ms: number[]) => ms.reduce((a, b) => a + b, 0);

test.describe('tenant driver: the next test starts on a quiet device', () => {
  test('the teardown waits, on the settle schedule, until a GET shows the cancel it made', async () => {
    const { state, clock, sent } = device(3_500);
    const first = new TenantDriver(state);
    const { id } = await first.activeAction();
    const timeout = test.info().timeout;
    await first.teardown();
    // The cancel, then reads at 0, 0.5, 1.5 and 3.5 s: the last shows it.
    expect(sent.slice(-5)).toEqual([
      `POST /api/machineactions/${id}/cancel`,
      ...Array(4).fill(`GET /api/machineactions/${id}`),
    ]);
    expect(clock.slept).toEqual([500, 1000, 2000]);
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Cancelled' });
    // The wait is the teardown's own: its time is set once to the bound it may take.
    expect(test.info().timeout).toBe(timeout + SETTLE_BOUND_SECONDS * 1000);
    // So the next test's scan starts a new action.
    const next = await new TenantDriver(state).activeAction();
    expect(next.id).not.toBe(id);
  });

  test("the teardown waits for a test's own cancel to show too (CANCEL.OK, PERM.ROLES)", async () => {
    const { state, clock } = device(7_500);
    const first = new TenantDriver(state);
    const { id } = await first.activeAction();
    await (await first.client('operator')).cancel(id, { Comment: 'conformance: cancel' });
    await first.teardown();
    expect(clock.slept).toEqual([500, 1000, 2000, 4000]);
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'test', lastStatus: 'Cancelled' });
    expect((await new TenantDriver(state).activeAction()).id).not.toBe(id);
  });

  test("a scan answered with an earlier test's action that has not ended is no verdict, never handed over", async () => {
    // The cancel never shows within the schedule: the teardown gives up at its end without failing.
    const { state, clock } = device(Number.POSITIVE_INFINITY);
    const first = new TenantDriver(state);
    const { id } = await first.activeAction();
    await first.teardown();
    expect(total(clock.slept)).toBe(SETTLE_BOUND_SECONDS * 1000);
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown', lastStatus: 'Pending' });
    const error = await new TenantDriver(state).activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(error.message).toContain(`action ${id}, which an earlier test of this run started`);
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ code: 'PRECONDITION' })]);
  });

  test("the worker's last sweep reads once and does not wait: no test follows it", async () => {
    const { state, clock, sent } = device(Number.POSITIVE_INFINITY);
    const { id } = await new TenantDriver(state).activeAction();
    await new TenantDriver(state, [id], false).teardown();
    expect(sent.slice(-2)).toEqual([
      `POST /api/machineactions/${id}/cancel`,
      `GET /api/machineactions/${id}`,
    ]);
    expect(clock.slept).toEqual([]);
  });

  test('a test that asks twice may get its own action back: it judges that itself (PATH.VERSIONED)', async () => {
    const { state } = device(0);
    const driver = new TenantDriver(state);
    const one = await driver.activeAction();
    expect((await driver.activeAction()).id).toBe(one.id);
    expect(takeNoVerdicts()).toEqual([]);
  });

  test('a refused teardown cancel (the action ended by itself) is read once, without waiting', async () => {
    const { state, clock, sent } = device(0, 400);
    const first = new TenantDriver(state);
    const { id } = await first.activeAction();
    await first.teardown();
    expect(sent.slice(-2)).toEqual([
      `POST /api/machineactions/${id}/cancel`,
      `GET /api/machineactions/${id}`,
    ]);
    expect(clock.slept).toEqual([]);
    expect(state.created.get(id)?.cancelledBy).toBeUndefined();
  });

  // A front door's 503 page on a teardown read is a lost exchange: not the test's evidence.
  test('a lost teardown exchange neither errors the test nor stops the sweep', async () => {
    const { state, sent, failReads } = device(0);
    const driver = new TenantDriver(state);
    const { id } = await driver.activeAction();
    failReads();
    await driver.teardown();
    expect(sent.at(-1)).toBe(`GET /api/machineactions/${id}`);
    expect(state.created.get(id)!.lastStatus).toMatch(/^unknown \(teardown: .*a gateway answered 503/);
    expect(takeNoVerdicts()).toEqual([]);
  });

  test('the teardown of a stopped run (Ctrl-C, SIGTERM) sends its cancel and does not wait for it', async () => {
    const { state, clock, sent } = device(3_500);
    const driver = new TenantDriver(state);
    const { id } = await driver.activeAction();
    // What Playwright sets when the run is stopped while the test runs.
    test.info().status = 'interrupted';
    try {
      await driver.teardown();
    } finally {
      test.info().status = 'passed';
    }
    expect(sent.slice(-2)).toEqual([
      `POST /api/machineactions/${id}/cancel`,
      `GET /api/machineactions/${id}`,
    ]);
    expect(clock.slept).toEqual([]);
    expect(state.created.get(id)).toMatchObject({ cancelledBy: 'teardown' });
  });
});
