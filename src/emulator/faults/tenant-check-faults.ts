import type { StoreFault } from './fault-entry.ts';

// Faults of where a cancel checks the tenant among its other checks (the store seam:
// state/store-policy.ts): any check made before it answers a stranger about another tenant's action.
export const TENANT_CHECK_FAULTS = [
  {
    // The state check of a handler that looks the id up everywhere and scopes the tenant afterwards: a
    // stranger learns that the id exists and is final, and can tell it from an active action's 404.
    name: 'tenant-final-state-first',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel of another tenant's action in a final state answers the final-state refusal (400 BadRequest by default) instead of 404; another tenant's active action answers 404.",
    store: { foreignFinalRefused: true },
  },
] as const satisfies readonly StoreFault[];
