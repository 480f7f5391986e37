// Everything the control protocol registers, kept per tenant so that one tenant can never reach another's
// actions (docs/interfaces.md#tenant-isolation). Tenant ids are GUIDs: compared without case.

export const ACTION_TYPES = [
  'RunAntiVirusScan',
  'Offboard',
  'LiveResponse',
  'CollectInvestigationPackage',
  'Isolate',
  'Unisolate',
  'StopAndQuarantineFile',
  'RestrictCodeExecution',
  'UnrestrictCodeExecution',
] as const;
export const STATUSES = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'TimeOut', 'Cancelled'] as const;
export type ActionStatus = (typeof STATUSES)[number];
export const ACTIVE_STATUSES: readonly ActionStatus[] = ['Pending', 'InProgress'];

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  roles: string[];
}

export interface Machine {
  id: string;
  computerDnsName: string;
}

// The stored action; instants in epoch milliseconds, written out by machine-action.ts.
export interface ActionRecord {
  id: string;
  type: string;
  requestor: string;
  requestorComment: string | null;
  status: ActionStatus;
  machineId: string;
  computerDnsName: string | null;
  createdMs: number;
  updatedMs: number;
  cancellationRequestor: string | null;
  cancellationComment: string | null;
  cancelledMs: number | null;
  scope: string | null;
  // A cancel answered but not applied yet (Variant.cancelShowsAfterMs): pending-cancel.ts.
  pendingCancel: PendingCancel | null;
}

export interface PendingCancel {
  requestor: string;
  comment: string | null;
  // When the cancel was answered, and when it takes effect (virtual epoch ms).
  atMs: number;
  dueMs: number;
}

export interface Tenant {
  apps: Map<string, AppRegistration>;
  machines: Map<string, Machine>;
  // Insertion order is creation order.
  actions: Map<string, ActionRecord>;
}

export class TenantStore {
  private tenants = new Map<string, Tenant>();

  reset(): void {
    this.tenants = new Map();
  }

  find(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  open(tenantId: string): Tenant {
    const key = tenantId.toLowerCase();
    let tenant = this.tenants.get(key);
    if (!tenant) {
      tenant = { apps: new Map(), machines: new Map(), actions: new Map() };
      this.tenants.set(key, tenant);
    }
    return tenant;
  }

  // Action ids are GUIDs too: looked up lower-cased.
  action(tenantId: string, id: string): ActionRecord | undefined {
    return this.find(tenantId)?.actions.get(id.toLowerCase());
  }
}
