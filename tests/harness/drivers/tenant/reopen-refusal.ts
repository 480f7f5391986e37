import type { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import type { Exchange } from '../../../../src/harness/http/exchange.ts';
import { unlessBusyWithAnother } from '../../../fixtures/shared-device.ts';

// CANCEL.REOPEN's look at a shared device: the run's own scan is Cancelled and a new one was refused
// (400 BadRequest). Whether that refusal is judged depends on what the device's list shows.
export async function lookAtRefusedReopen(driver: TenantDriver, machineId: string): Promise<void> {
  const api = await driver.client('operator');
  const refused = { status: 400, body: { error: { code: 'BadRequest' } } } as unknown as Exchange;
  const own = { id: 'own', type: 'RunAntiVirusScan', status: 'Cancelled', requestorComment: 'mine' };
  await unlessBusyWithAnother(driver, api, machineId, refused, own);
}
