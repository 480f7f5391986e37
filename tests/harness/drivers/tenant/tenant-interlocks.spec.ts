import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { NotApplicableError, SafetyInterlockError } from '../../../../src/harness/errors.ts';
import type { Exchange } from '../../../../src/harness/http/exchange.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { MACHINE, RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

test.describe('tenant safety interlocks', () => {
  test('without MDE_ALLOW_WRITES nothing is created: activeAction is N/A and a direct scan is refused', async () => {
    const { state, driver, sent } = tenant({ machineId: MACHINE });
    await expect(driver.activeAction()).rejects.toBeInstanceOf(NotApplicableError);
    await expect(
      state.beforeCall({ caller: 'operator', operationId: 'RunAntiVirusScan', method: 'POST', id: MACHINE }),
    ).rejects.toBeInstanceOf(SafetyInterlockError);
    expect(sent).toEqual([]);
  });

  test('scans go only to MDE_MACHINE_ID', async () => {
    const { state } = tenant(WRITES);
    const error = await state
      .beforeCall({ caller: 'operator', operationId: 'RunAntiVirusScan', method: 'POST', id: 'another' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SafetyInterlockError);
    expect(error.message).toContain('only be started on MDE_MACHINE_ID');
  });

  test('never cancels an action it did not create or find final', async () => {
    const { driver, sent } = tenant({});
    const api = await driver.client('operator');
    const stranger = '5382f7ea-7557-4ab7-9782-d50480024a4e';
    for (const form of [stranger, stranger.toUpperCase(), stranger.replace(/-/g, ''), `{${stranger}}`])
      await expect(api.cancel(form)).rejects.toBeInstanceOf(SafetyInterlockError);
    expect(sent).toEqual([]);
    // Made-up and malformed ids cannot name a real action, a made-up one in upper case neither.
    await api.cancel(driver.unknownId());
    await api.cancel(driver.unknownId().toUpperCase());
    await api.cancel('not-a-guid');
    expect(sent).toHaveLength(3);
  });

  test('an action it created, or found final, may be cancelled', async () => {
    const comment = `mde-conformance ${RUN}: quick scan to cancel`;
    const { driver, sent } = tenant(WRITES, (url, method) => {
      if (method === 'POST' && url.endsWith('/runAntiVirusScan'))
        return scan('aaaaaaaa-0000-4000-8000-000000000001', comment);
      if (method === 'GET' && url.includes('$filter'))
        return {
          status: 200,
          body: {
            value: [
              {
                id: 'bbbbbbbb-0000-4000-8000-000000000002',
                type: 'Isolate',
                status: 'Succeeded',
                creationDateTimeUtc: '2026-01-01T00:00:00Z',
              },
            ],
          },
        };
      return {
        status: 200,
        body: { id: 'x', type: 'Isolate', status: 'Cancelled', creationDateTimeUtc: '2026-01-01T00:00:00Z' },
      };
    });
    const api = await driver.client('operator');
    const created = await driver.activeAction();
    const found = await driver.finalAction('Succeeded');
    await api.cancel(created.id);
    await api.cancel(found.id);
    expect(sent.filter((s) => s.endsWith('/cancel'))).toHaveLength(2);
  });

  test("an existing action returned for a duplicate scan is someone else's: not ours to cancel", async () => {
    const { driver } = tenant(WRITES, () => scan('cccccccc-0000-4000-8000-000000000003', 'their comment'));
    const res = await driver.createAction(MACHINE);
    expect(res.status).toBe(201);
    const api = await driver.client('operator');
    await expect(api.cancel('cccccccc-0000-4000-8000-000000000003')).rejects.toBeInstanceOf(
      SafetyInterlockError,
    );
  });

  test('teardown cancels what the test created and left running, and nothing else', async () => {
    const comment = `mde-conformance ${RUN}: quick scan to cancel`;
    let cancelled = false;
    const { driver, state, sent } = tenant(WRITES, (url, method) => {
      if (url.endsWith('/runAntiVirusScan')) return scan('dddddddd-0000-4000-8000-000000000004', comment);
      if (method === 'GET' && !cancelled) return scan('dddddddd-0000-4000-8000-000000000004', comment, 200);
      cancelled = true;
      return {
        status: 200,
        body: {
          id: 'dddddddd-0000-4000-8000-000000000004',
          type: 'RunAntiVirusScan',
          status: 'Cancelled',
          creationDateTimeUtc: '2026-01-01T00:00:00Z',
        },
      };
    });
    await driver.activeAction();
    await driver.teardown();
    expect(sent).toEqual([
      'POST /api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/runAntiVirusScan',
      // The new action is read back once before the test gets it (it answers 200 at once here); the
      // teardown cancels it and reads until a GET shows it ended (at once here).
      'GET /api/machineactions/dddddddd-0000-4000-8000-000000000004',
      'POST /api/machineactions/dddddddd-0000-4000-8000-000000000004/cancel',
      'GET /api/machineactions/dddddddd-0000-4000-8000-000000000004',
    ]);
    expect(state.created.get('dddddddd-0000-4000-8000-000000000004')).toMatchObject({
      cancelledBy: 'teardown',
      lastStatus: 'Cancelled',
    });
  });

  test('the teardown reads only what a test cancelled and did not see final; it skips what was seen final', async () => {
    const seen = 'aaaaaaaa-0000-4000-8000-00000000000a';
    const open = 'bbbbbbbb-0000-4000-8000-00000000000b';
    const { state, sent } = tenant(WRITES, () => ({
      status: 200,
      body: { id: open, type: 'RunAntiVirusScan', status: 'Cancelled' },
    }));
    const entry = { type: 'RunAntiVirusScan', machineId: MACHINE, createdAt: '2026-03-02T10:00:00.000Z' };
    state.created.set(seen, { id: seen, ...entry, lastStatus: 'Pending' });
    state.created.set(open, { id: open, ...entry, lastStatus: 'Pending' });
    // What the tests' own answers told the ledger: one read showed `seen` final; `open` was cancelled.
    state.afterCall(exchange('GetMachineAction', { id: seen, status: 'Succeeded' }));
    state.afterCall(exchange('CancelMachineAction', { id: open, status: 'Pending' }));
    await new TenantDriver(state, [seen, open]).teardown();
    expect(sent).toEqual([`GET /api/machineactions/${open}`]);
    expect(state.created.get(seen)).toMatchObject({ lastStatus: 'Succeeded' });
    expect(state.created.get(open)).toMatchObject({ lastStatus: 'Cancelled', cancelledBy: 'test' });
  });

  test('what a tenant cannot provide is N/A with the reason', async () => {
    const { driver } = tenant({});
    for (const identity of [
      'expired',
      'other-tenant',
      'read-only',
      'read-write',
      'read-roles',
      'no-roles',
      'role:Machine.Isolate',
    ] as const)
      await expect(driver.client(identity)).rejects.toBeInstanceOf(NotApplicableError);
    await expect(driver.advanceClock(1)).rejects.toBeInstanceOf(NotApplicableError);
    await expect(driver.activeActionBehind()).rejects.toBeInstanceOf(NotApplicableError);
    await expect(driver.activeActionOfType('Isolate')).rejects.toBeInstanceOf(NotApplicableError);
    await expect(driver.freshIdentity(['Machine.Scan'])).rejects.toThrow('MDE_ALLOW_THROTTLING=true');
  });
});

function exchange(operationId: string, body: { id: string; status: string }): Exchange {
  const url = `https://api.securitycenter.microsoft.com/api/machineactions/${body.id}`;
  return {
    operationId,
    method: operationId === 'GetMachineAction' ? 'GET' : 'POST',
    url,
    pathTemplate: '/api/machineactions/{id}',
    requestHeaders: {},
    status: 200,
    headers: {},
    text: JSON.stringify(body),
    body,
    durationMs: 1,
    receivedAt: 0,
  };
}
