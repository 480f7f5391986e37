// Status values of a MachineAction. Final states cannot be cancelled; the cancel page names them in
// prose ("completed, canceled, failed") and TimeOut is final by the status enum.
export const ACTIVE_STATUSES = ['Pending', 'InProgress'] as const;
export const FINAL_STATUSES = ['Succeeded', 'Failed', 'TimeOut', 'Cancelled'] as const;
export const STATUSES = [...ACTIVE_STATUSES, ...FINAL_STATUSES] as const;

export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export type MachineActionStatus = (typeof STATUSES)[number];

export function isFinal(status: string): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export function isActive(status: string): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

// Error codes the contract accepts for an unknown id (docs/contract.md#unknown-id).
export const NOT_FOUND_CODES = ['NotFound', 'ResourceNotFound'] as const;
