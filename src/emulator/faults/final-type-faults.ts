import type { StoreFault } from './fault-entry.ts';

// Faults of the final-state check by the type of the action (the store seam: state/store-policy.ts):
// the cancel page limits cancel by state, never by type (docs/contract.md#cancel).
export const FINAL_TYPE_FAULTS = [
  {
    // Every final action the suite tried was a scan: a state check in the scan's handler alone let an
    // isolation that had ended be cancelled unseen.
    name: 'final-check-scans-only',
    seam: 'store',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel of a Succeeded, Failed, Cancelled or TimeOut action other than a scan answers 200 and turns it Cancelled (the state check lives in the scan handler); a final scan is refused.',
    store: { finalCheckedOnlyFor: 'RunAntiVirusScan' },
  },
] as const satisfies readonly StoreFault[];
