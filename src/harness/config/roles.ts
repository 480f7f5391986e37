import { getContract } from '../../contract/index.ts';

// The seven action roles, any one of which is enough to cancel: read from the contract's security
// requirements of the cancel operation, so the PERM.ROLES tests follow the contract.
export const ACTION_ROLES: readonly string[] = getContract().operation('CancelMachineAction').roles;

export type ActionRole = string;

export const READ_ROLE = 'Machine.Read.All';

// Sounds like enough to write, yet is none of the seven action roles (PERM.NONE).
export const READ_WRITE_ROLE = 'Machine.ReadWrite.All';

// A role of the API's other operations (alerts): no action role either, whatever a deny-list makes of it.
export const ALERT_READ_ROLE = 'Alert.Read.All';

// MDE_ROLE_ISOLATE for Machine.Isolate: prefix of the tenant-mode app variables of one role.
export function roleEnvName(role: ActionRole): string {
  return `MDE_ROLE_${role.replace(/^Machine\./, '').toUpperCase()}`;
}
