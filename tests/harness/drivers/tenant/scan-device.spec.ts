import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { MACHINE, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

// machineId may be null or left out of an answer (docs/contract.md#machine-action-fields). A tenant's
// scan is started on MDE_MACHINE_ID, so its device is known without it: a 201 and GETs leaving it out
// made CANCEL.REOPEN N/A ("the active action names no device to start a new scan on") on a lawful
// tenant (found by a proxy dropping optional members in front of the emulator in tenant mode).
const ID = '3b7e2c1d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

test.afterEach(removeTempDirs);

test('a scan answered without machineId is handed over with the device it was started on', async () => {
  const { driver } = tenant(WRITES, (url) =>
    url.endsWith('/runAntiVirusScan') ? scan(ID) : { ...scan(ID), status: 200 },
  );
  const action = await driver.activeAction();
  expect(action.id).toBe(ID);
  expect(action.machineId).toBe(MACHINE);
});

test('a machineId the answer names is kept', async () => {
  const named = 'f'.repeat(40);
  const withDevice = () => ({ ...scan(ID), body: { ...scan(ID).body, machineId: named } });
  const { driver } = tenant(WRITES, (url) =>
    url.endsWith('/runAntiVirusScan') ? withDevice() : { ...withDevice(), status: 200 },
  );
  expect((await driver.activeAction()).machineId).toBe(named);
});
