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
    store: { finalCheckedOnlyFor: ['RunAntiVirusScan'] },
  },
  {
    // The suite tried a final scan and a final isolation: a state check in the handlers of the two
    // device-state actions alone lets an ended package collection or live response be cancelled.
    name: 'final-check-scan-and-isolate-only',
    seam: 'store',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel of a Succeeded, Failed, Cancelled or TimeOut action other than a scan or an isolation (a package collection, a live response, ...) answers 200 and turns it Cancelled; a final scan or isolation is refused.',
    store: { finalCheckedOnlyFor: ['RunAntiVirusScan', 'Isolate'] },
  },
  {
    // Every cancel of a final action carried a Comment: a state check in the path that records the
    // Comment alone let a cancel without one through.
    name: 'final-state-uncommented-cancellable',
    seam: 'store',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel without a Comment (an empty object, or no body) of a Succeeded, Failed, Cancelled or TimeOut action answers 200 and turns it Cancelled (the final-state check lives in the path that records the Comment); one with a Comment is refused.',
    store: { uncommentedFinalCancellable: true },
  },
] as const satisfies readonly StoreFault[];
