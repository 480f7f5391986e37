import type { StoreFault } from './fault-entry.ts';

// Faults of a GET or a cancel by id that reaches another tenant's action (the store seam:
// state/tenant-lookup-policy.ts); the list's are in tenant-list-faults.ts, the order of checks in
// tenant-check-faults.ts.
export const TENANT_ID_FAULTS = [
  {
    name: 'tenant-leak-get',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description: "GET shows another tenant's action (cancel still answers 404).",
    store: { crossTenant: ['GetMachineAction'] },
  },
  {
    name: 'tenant-leak-cancel',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description: "Cancel finds and cancels another tenant's action (GET still answers 404).",
    store: { crossTenant: ['CancelMachineAction'] },
  },
  {
    name: 'tenant-leak-cancel-late',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description: "Cancel of another tenant's action answers 404, yet cancels it five seconds later.",
    store: { foreignCancelAfterMs: 5_000 },
  },
  {
    // Finished actions read from an archive keyed by id alone: every read of another tenant's action
    // named an active one.
    name: 'tenant-leak-get-final',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET of another tenant's action in a final state (Succeeded, Failed, Cancelled, TimeOut) shows it (an archive of finished actions looked up without the tenant); another tenant's active action answers 404.",
    store: { crossTenantGetStatuses: ['Succeeded', 'Failed', 'Cancelled', 'TimeOut'] },
  },
  {
    // A running action's state read from its device's channel, which looks the id up in every tenant
    // (the read twin of tenant-leak-running-cancel): every GET of another tenant's action named a Pending
    // one or a final one.
    name: 'tenant-leak-get-running',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET of another tenant's InProgress action shows it (a running action's state read from its device's channel, which looks the id up in every tenant); another tenant's Pending or final action answers 404.",
    store: { crossTenantGetStatuses: ['InProgress'] },
  },
  {
    // A tenant check in the scan's read mapper alone (the read twin of tenant-leak-non-scan-cancel):
    // every GET of another tenant's action named a scan.
    name: 'tenant-leak-get-non-scan',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET of another tenant's action other than a scan (an Isolate action) shows it (the tenant is checked in the scan's read mapper alone); another tenant's scan answers 404, and every cancel keeps to the caller's tenant.",
    store: { getTenantCheckedOnlyFor: 'RunAntiVirusScan' },
  },
  {
    // Older actions read from a cold store looked up by id alone: every read of another tenant's action
    // was of one created moments before.
    name: 'tenant-leak-get-aged',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET of another tenant's action created more than a day ago shows it (older actions read from a cold store looked up by id alone); a younger one answers 404, and every cancel keeps to the caller's tenant.",
    store: { crossTenantAfterMs: { GetMachineAction: 86_400_000 } },
  },
  {
    // The same cold store behind the cancel: every stranger's cancel was of an action created moments
    // before.
    name: 'tenant-leak-cancel-aged',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel of another tenant's action created more than a day ago finds and cancels it (older actions read from a cold store looked up by id alone); a younger one answers 404, and every GET keeps to the caller's tenant.",
    store: { crossTenantAfterMs: { CancelMachineAction: 86_400_000 } },
  },
] as const satisfies readonly StoreFault[];
