import type { MachineActionStatus } from '../../contract/index.ts';

// Which tenant's actions a cancel, a GET or a list finds: part of the store seam (store-policy.ts),
// apart because each field is a way another tenant's action leaks. The defaults are the contract
// (CANCEL.TENANT: another tenant's action is not found); the tenant-*-faults.ts change a field.
export interface TenantLookupPolicy {
  // Operations whose lookup also finds other tenants' actions (the contract: none).
  crossTenant: readonly string[];
  // true: an id not written in lower case is looked up in every tenant (a case-insensitive search
  // that forgot the tenant filter); a lower-case one only in the caller's. The contract: false.
  crossTenantUnloweredIds: boolean;
  // true: the same for a list whose $filter compares id with a value not in lower case. The contract: false.
  crossTenantUnloweredListIds: boolean;
  // true: a list with no $filter shows every tenant's actions (the tenant is scoped with the filter,
  // so a list filtered by id shows only the caller's). The contract: false.
  unfilteredListCrossTenant: boolean;
  // A list whose $filter names one of these fields shows every tenant's actions (a device index that
  // skips the tenant check, device ids being unique anyway). The contract: none.
  crossTenantListFilters: readonly string[];
  // A list whose $filter uses one of these operators ('in', 'or') shows every tenant's matching
  // actions: a batch lookup of ids, or the tenant's clause joined to the filter as text without
  // parentheses. The contract: none.
  crossTenantListOperators: readonly string[];
  // A list whose query names one of these system query options ('$orderby', '$top', '$skip', '$count') shows
  // every tenant's matching actions: a sorted, paged or counted query served from an index of every tenant. The
  // contract: none.
  crossTenantListOptions: readonly string[];
  // Above 0: a cancel of another tenant's action answers 404 but cancels it this much later (a queued
  // command that skips the tenant check). The contract: 0, never.
  foreignCancelAfterMs: number;
  // true: a cancel refuses an action in a final state before it checks the tenant, so another tenant's
  // final action answers the final-state refusal (telling that it exists, and is final); an active one
  // answers 404. The contract: false (another tenant's action is not found, whatever its state).
  foreignFinalRefused: boolean;
  // A cancel of another tenant's action in one of these statuses finds and cancels it (a running
  // action's cancel handed to its device by a channel that looks the id up in every tenant); one in
  // any other status answers 404. The contract: none.
  crossTenantCancelStatuses: readonly MachineActionStatus[];
  // Not null: a cancel checks the tenant only of actions of this type, so another tenant's action of any
  // other type is found and cancelled (a tenant check in one type's handler). The contract: null.
  cancelTenantCheckedOnlyFor: string | null;
  // A GET of another tenant's action in one of these statuses finds it (finished actions read from an
  // archive that looks the id up in every tenant); one in any other status answers 404. The
  // contract: none.
  crossTenantGetStatuses: readonly MachineActionStatus[];
  // Not null: a GET checks the tenant only of actions of this type, so another tenant's action of any
  // other type is read (a tenant check in one type's read mapper). The contract: null.
  getTenantCheckedOnlyFor: string | null;
  // Every list, whatever its query, also shows other tenants' actions in these statuses (running
  // actions merged in from the devices' live view, which is not kept per tenant). The contract: none.
  crossTenantListStatuses: readonly MachineActionStatus[];
  // By operation: its lookup finds another tenant's action created longer ago than this many ms (older
  // actions read from a cold store looked up by id alone). The contract: none.
  crossTenantAfterMs: Readonly<Record<string, number>>;
}

export const CONTRACT_TENANT_LOOKUP: TenantLookupPolicy = {
  crossTenant: [],
  crossTenantUnloweredIds: false,
  crossTenantUnloweredListIds: false,
  unfilteredListCrossTenant: false,
  crossTenantListFilters: [],
  crossTenantListOperators: [],
  crossTenantListOptions: [],
  foreignCancelAfterMs: 0,
  foreignFinalRefused: false,
  crossTenantCancelStatuses: [],
  cancelTenantCheckedOnlyFor: null,
  crossTenantGetStatuses: [],
  getTenantCheckedOnlyFor: null,
  crossTenantListStatuses: [],
  crossTenantAfterMs: {},
};
