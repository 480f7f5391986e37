import { expectUnchanged, stateBeforeCall } from '../fixtures/action-state.ts';
import { cancelActive } from '../fixtures/cancel-active.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';
import { scan, tenant } from './fake-tenant.ts';

// On a tenant every GET spends the operator's 100 a minute: a refused cancel's test reads its new scan
// back, then its state before the call, then checks the action did not end by itself, then its state
// after. Two of those four reads repeat the one before them with nothing sent in between; the
// self-test's writes rehearsal reached 110 GETs in its minute and waited 50 s for the quota.
const ID = '6a1c7b4e-59d2-4f0b-9c1e-2d3f4a5b6c7d';
const WRITES = { machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07', allowWrites: true };

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
