import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { forgetRefusedScans } from '../../../../src/harness/drivers/tenant/refused-scans.ts';
import { ScanConfigError } from '../../../../src/harness/drivers/tenant/scan-config-error.ts';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { TenantState } from '../../../../src/harness/drivers/tenant/tenant-state.ts';
import { NotApplicableError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, fakeTenant, MACHINE, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// With MDE_ALLOW_WRITES=true a quick scan that cannot start is read by its answer: the operator's
// configuration (no such device, no Machine.Scan) reaches no verdict and names what to fix; only a
// busy device is N/A.

function refused(status: number, code?: string): FakeAnswer {
  return { status, body: code ? { error: { code, message: 'x' } } : {} };
}

test.describe('tenant driver: a quick scan that cannot start', () => {
  test('an unknown MDE_MACHINE_ID (404) is a configuration error, not N/A', async () => {
    const { driver } = tenant(WRITES, () => refused(404, 'ResourceNotFound'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(ScanConfigError);
    expect(error.message).toBe(
      'MDE_MACHINE_ID names no device this tenant knows (404 ResourceNotFound); check the id in the Defender portal',
    );
    expect(error.message).not.toContain(MACHINE);
    // cause suite: the reporter makes the test errored as a suite error, and the run exits 2.
    expect(takeNoVerdicts()).toEqual([
      expect.objectContaining({ cause: 'suite', code: 'SCAN_CONFIG', text: error.message }),
    ]);
  });

  test('an app without Machine.Scan (403) is a configuration error naming the permission and the code', async () => {
    const { driver } = tenant(WRITES, () => refused(403, 'Forbidden'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(ScanConfigError);
    expect(error.message).toContain('(403 Forbidden)');
    expect(error.message).toContain('Machine.Scan');
    expect(error.message).toContain('the MDE_CLIENT_ID app');
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'suite' })]);
  });

  test('the refusal names AZURE_CLIENT_ID when the operator app was read from it', async () => {
    const variables = { clientId: 'AZURE_CLIENT_ID' };
    const { driver } = tenant({ ...WRITES, variables }, () => refused(403, 'Forbidden'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error.message).toMatch(/^the AZURE_CLIENT_ID app may not start scans/);
    takeNoVerdicts();
  });

  test('the first refusal answers every later test of the run, in any worker, without asking again', async () => {
    const { driver, state, sent } = tenant(WRITES, () => refused(404));
    // The test told first is not told it was known: it fails and prints why (the need() fixture skips
    // only those that were).
    const first = await driver.activeAction().catch((e) => e);
    expect(first).toBeInstanceOf(ScanConfigError);
    expect(first.remembered).toBe(false);
    expect(takeNoVerdicts()).toHaveLength(1);
    const sameWorker = await driver.activeAction().catch((e) => e);
    expect(sameWorker.remembered).toBe(true);
    takeNoVerdicts();
    // A new worker after the errored test: a state of its own over the same results directory.
    const next = fakeTenant(() => refused(404));
    const again = new TenantState({
      ...state.options,
      http: { request: async () => next.request, timeoutMs: 10_000 },
    });
    again.token = async () => 'token';
    for (const ask of [
      () => new TenantDriver(again).activeAction(),
      () => new TenantDriver(again).createAction(MACHINE),
    ]) {
      const later = await ask().catch((e) => e);
      expect(later).toBeInstanceOf(ScanConfigError);
      expect(later.remembered).toBe(true);
      // Each test that asks is marked as reaching no verdict.
      expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'suite' })]);
    }
    expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(1);
    expect(next.sent).toEqual([]);
    // The same run id again (MDE_RUN_ID in .env): its global set-up forgets the refusal, so the tenant is asked.
    forgetRefusedScans(state.options.resultsDir);
    await expect(new TenantDriver(again).activeAction()).rejects.toBeInstanceOf(ScanConfigError);
    expect(next.sent.filter((s) => s.startsWith('POST'))).toHaveLength(1);
    takeNoVerdicts();
    // Another run starts afresh.
    const later = new TenantState({ ...state.options, runId: 'run-later' });
    later.token = async () => 'token';
    await expect(new TenantDriver(later).activeAction()).rejects.toBeInstanceOf(ScanConfigError);
    expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(2);
    takeNoVerdicts();
  });

  test('a scan already running (400 ActiveRequestAlreadyExists) is N/A and says so', async () => {
    const { driver } = tenant(WRITES, () => refused(400, 'ActiveRequestAlreadyExists'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(NotApplicableError);
    expect(error.message).toContain(
      'a scan is already running on MDE_MACHINE_ID (400 ActiveRequestAlreadyExists)',
    );
    expect(takeNoVerdicts()).toEqual([]);
    // Busy is not remembered: the device may be free for the next test.
    await expect(driver.activeAction()).rejects.toBeInstanceOf(NotApplicableError);
  });

  test('a 403 or 404 while an action runs on the device is N/A: a duplicate may be refused with any 4xx', async () => {
    for (const status of [403, 404]) {
      const running = { id: 'a-running', machineId: MACHINE, status: 'InProgress' };
      const { driver, sent } = tenant(WRITES, (url, method) =>
        method === 'GET' && new URL(url).searchParams.get('$filter')?.includes(MACHINE)
          ? { status: 200, body: { value: [{ ...running, status: 'Succeeded', id: 'old' }, running] } }
          : refused(status, 'Forbidden'),
      );
      const error = await driver.activeAction().catch((e) => e);
      expect(error).toBeInstanceOf(NotApplicableError);
      expect(error.message).toContain(`refused (${status}) while action a-running (InProgress) runs there`);
      expect(takeNoVerdicts()).toEqual([]);
      // Not remembered: the device may be free for the next test, which asks again.
      await expect(driver.activeAction()).rejects.toBeInstanceOf(NotApplicableError);
      expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(2);
      // A test that starts the duplicate itself (CANCEL.DUPLICATE) gets the answer to judge.
      expect((await driver.createAction(MACHINE)).status).toBe(status);
    }
  });

  test('another refusal a duplicate may take (409) is N/A, saying the device may be busy', async () => {
    const { driver } = tenant(WRITES, () => refused(409, 'Conflict'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(NotApplicableError);
    expect(error.message).toContain('(409 Conflict); one may already be running there');
  });

  test('a server error reaches no verdict on the target, never N/A', async () => {
    const { driver } = tenant(WRITES, () => refused(500, 'InternalServerError'));
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target', code: 'PRECONDITION' })]);
  });

  test('a device that cannot run a scan is a configuration error', async () => {
    const { driver } = tenant(WRITES, () => refused(400, 'OsPlatformNotSupported'));
    await expect(driver.activeAction()).rejects.toBeInstanceOf(ScanConfigError);
    takeNoVerdicts();
  });
});
