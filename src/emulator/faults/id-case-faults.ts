import type { StoreFault } from './fault-entry.ts';

// Faults of how an id in another case than the one the API writes is looked up (the store seam:
// state/store-policy.ts). GUIDs are case-insensitive (RFC 9562), so clients send them either way.
export const ID_CASE_FAULTS = [
  {
    // A case-insensitive search bolted onto the lookup for ids not in lower case, without the tenant
    // filter: a stranger who writes the id in upper case reads and cancels another tenant's action.
    name: 'tenant-leak-upper-case-id',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET or cancel of an id written in upper case finds the action in any tenant; the same id in lower case finds only the caller's.",
    store: { crossTenantUnloweredIds: true },
  },
] as const satisfies readonly StoreFault[];
