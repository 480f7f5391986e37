import type { MachineAction } from '../state/machine-action.ts';
import { deviceTypeKey } from '../state/machine-action-store.ts';
import type { StorePolicy } from '../state/store-policy.ts';

// Whether the store policy leaves the device of an action this cancel ends busy for a new action of
// its type: a running action's device never told (runningCancelKeepsDevice), or one freed by an
// earlier cancel already (deviceReleasedOnce, which notes in `released` the devices it has freed), or
// one cancelled without a Comment (uncommentedCancelKeepsDevice). The contract: never.
export function cancelKeepsDevice(
  store: StorePolicy,
  action: MachineAction,
  released: Set<string>,
  comment: string | null,
): boolean {
  if (store.everyCancelKeepsDevice || (store.uncommentedCancelKeepsDevice && comment === null)) return true;
  if (store.runningCancelKeepsDevice && action.status === 'InProgress') return true;
  if (!store.deviceReleasedOnce || !action.machineId) return false;
  const key = deviceTypeKey(action.tenantId, action.machineId, action.type);
  if (released.has(key)) return true;
  released.add(key);
  return false;
}
