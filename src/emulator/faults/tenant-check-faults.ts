import type { StoreFault } from './fault-entry.ts';

// Faults of where a cancel checks the tenant among its other checks (the store seam:
// state/tenant-lookup-policy.ts): any check made before it answers a stranger about another tenant's action.
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
  {
    // The running action's channel looks the id up wherever it is: the stranger's cancels were all
    // of Pending or final actions.
    name: 'tenant-leak-running-cancel',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel of another tenant's InProgress action finds and cancels it (a running action's cancel handed to its device by a channel that looks the id up in every tenant); another tenant's Pending or final action answers 404.",
    store: { crossTenantCancelStatuses: ['InProgress'] },
  },
  {
    // The tenant check of a scan's handler: every stranger's cancel CANCEL.TENANT made was of a scan.
    name: 'tenant-leak-non-scan-cancel',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel of another tenant's action other than a scan (an Isolate action) finds and cancels it (the tenant is checked in the scan's handler alone); another tenant's scan answers 404.",
    store: { cancelTenantCheckedOnlyFor: 'RunAntiVirusScan' },
  },
  {
    // The twin of final-state-uncommented-cancellable: the tenant is scoped beside the Comment's
    // validation, and every stranger's cancel CANCEL.TENANT made carried a Comment.
    name: 'tenant-leak-uncommented-cancel',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel without a Comment ({} or no body) of another tenant's action finds and cancels it; one with a Comment answers 404.",
    store: { uncommentedCrossTenant: true },
  },
] as const satisfies readonly StoreFault[];
