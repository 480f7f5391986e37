import type { APIRequestContext } from '@playwright/test';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { TenantState } from '../../../../src/harness/drivers/tenant/tenant-state.ts';
import { stateBeforeCall, stateOf } from '../../../fixtures/action-state.ts';
import { cancelActive } from '../../../fixtures/cancel-active.ts';
import { expectUnchanged } from '../../../fixtures/unchanged-action.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { tenantTarget } from '../../../helpers/tenant-target.ts';
import { fakeClock, fakeTenant, RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

// On a tenant every GET spends the operator's 100 a minute: a refused cancel's test reads its new scan
// back, then its state before the call, then checks the action did not end by itself, then its state
// after. Two of those four reads repeat the one before them with nothing sent in between; the
// self-test's writes rehearsal reached 110 GETs in its minute and waited 50 s for the quota.
const ID = '6a1c7b4e-59d2-4f0b-9c1e-2d3f4a5b6c7d';

test.afterEach(removeTempDirs);

function refusingTenant() {
  return tenant(WRITES, (url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(ID);
    if (method === 'POST')
      return { status: 400, body: { error: { code: 'InvalidRequestBody', message: 'm' } } };
    return { ...scan(ID), status: 200 };
  });
}

test('a refused cancel is judged on two reads of its action, each taken right after the call it follows', async () => {
  const { driver, sent } = refusingTenant();
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  const before = await stateBeforeCall(driver, api, action.id);
  expect((await cancelActive(driver, api, action.id, undefined, { request: { raw: '[]' } })).status).toBe(
    400,
  );
  await expectUnchanged(driver, api, action.id, before);
  expect(sent.filter((line) => line.startsWith('GET'))).toHaveLength(2);
});

test('a read followed by any other call is read again', async () => {
  const { driver, sent } = refusingTenant();
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  await api.list({ $top: 1 });
  await stateBeforeCall(driver, api, action.id);
  expect(sent.filter((line) => line.startsWith('GET /api/machineactions/'))).toHaveLength(2);
});

// A GET sent while a cancel is on its way may be served before the cancel takes effect: its answer is
// no state after that cancel, and must not stand in for a later read.
test('a read sent while another call is on its way is read again', async () => {
  let cancelled = false;
  let release = () => {};
  const gate = new Promise<void>((done) => {
    release = done;
  });
  const { request: inner } = fakeTenant((url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(ID);
    if (method === 'POST') return { ...scan(ID, undefined, 200), body: { id: ID, status: 'Cancelled' } };
    return {
      ...scan(ID),
      status: 200,
      body: { ...scan(ID).body, status: cancelled ? 'Cancelled' : 'Pending' },
    };
  });
  // The cancel reaches the tenant, and acts, only once the GET sent after it has been answered.
  const request = {
    fetch: async (url: string, options: { method: string }) => {
      if (options.method === 'POST' && url.endsWith('/cancel')) {
        await gate;
        cancelled = true;
      }
      return inner.fetch(url, options as never);
    },
  } as unknown as APIRequestContext;
  const state = new TenantState({
    spec: tenantTarget(WRITES),
    http: { request: async () => request, timeoutMs: 10_000 },
    runId: RUN,
    resultsDir: tempDir('tenant-'),
    clock: fakeClock(),
  });
  state.token = async () => 'token';
  const driver = new TenantDriver(state);
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  const cancel = api.cancel(action.id, { Comment: 'conformance: on its way' });
  expect(stateOf(await api.get(action.id)).status).toBe('Pending');
  release();
  expect((await cancel).status).toBe(200);
  expect((await stateBeforeCall(driver, api, action.id)).status).toBe('Cancelled');
});

test('a call whose sign-in fails leaves no call on its way: the reads after it are still taken', async () => {
  const { driver, state, sent } = refusingTenant();
  const action = await driver.activeAction();
  const api = await driver.client('operator');
  const signIn = state.token;
  state.token = async () => {
    throw new Error('sign-in refused');
  };
  await expect(api.get(action.id)).rejects.toThrow('sign-in refused');
  state.token = signIn;
  await api.get(action.id);
  await stateBeforeCall(driver, api, action.id);
  expect(sent.filter((line) => line.startsWith('GET /api/machineactions/'))).toHaveLength(2);
});
