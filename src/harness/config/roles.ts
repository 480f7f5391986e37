// The seven action roles: any one of them is enough to cancel (mde-contract.md section 2.3).
export const ACTION_ROLES = [
  'Machine.CollectForensics',
  'Machine.Isolate',
  'Machine.RestrictExecution',
  'Machine.Scan',
  'Machine.Offboard',
  'Machine.StopAndQuarantine',
  'Machine.LiveResponse',
] as const;

export type ActionRole = (typeof ACTION_ROLES)[number];

export const READ_ROLE = 'Machine.Read.All';

// MDE_ROLE_ISOLATE for Machine.Isolate: prefix of the tenant-mode app variables of one role.
export function roleEnvName(role: ActionRole): string {
  return `MDE_ROLE_${role.replace(/^Machine\./, '').toUpperCase()}`;
}
