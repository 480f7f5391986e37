import type { StoreFault } from './fault-entry.ts';

// Faults of a cancel taken for a repeat of an earlier one (the store seam: state/store-policy.ts).
export const CANCEL_DEDUPE_FAULTS = [
  {
    // A dedupe key written before the body is read: the client that fixes its body and cancels again
    // is told it was done. Every cancel the suite sent after a refused body named another action.
    name: 'cancel-after-refused-body-ignored',
    seam: 'store',
    breaks: ['CANCEL.STATUS'],
    description:
      'A cancel refused for its body (400) is still recorded, and the next cancel of that action answers 200 with the action as it was, which never shows Cancelled; an action with no refused cancel is cancelled.',
    store: { refusedBodyMarksCancel: true },
  },
] as const satisfies readonly StoreFault[];
