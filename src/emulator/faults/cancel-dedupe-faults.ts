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
  {
    // An idempotency key over caller, action and body: the suite's second cancel of its own cancelled
    // action sent another Comment than the first, so it was refused; a client repeating its cancel
    // verbatim (its first 200 lost) is told it cancelled again.
    name: 'identical-cancel-retry-200',
    seam: 'store',
    breaks: ['CANCEL.FINAL'],
    description:
      'A second cancel of an action by the app that cancelled it, with the same Comment, is taken for a retry: 200 with the action as it is. One with another Comment, or by anyone else, is refused.',
    store: { identicalCancelRetried: true },
  },
  {
    // A retry queue keyed by caller and action: the app's second cancel, refused as any cancel of a
    // final action, is sent again after a backoff and rewrites the cancellation. The suite read its own
    // cancelled action through the bounded wait alone; the seeded Cancelled one, read a day later, was
    // cancelled by no app of the run.
    name: 'own-second-cancel-replayed-later',
    seam: 'store',
    breaks: ['CANCEL.FINAL'],
    description:
      "A second cancel of an action by the app that cancelled it is refused, yet five minutes later the action's cancellation reads as that second cancel's (its Comment, time and requestor); a cancel of a Cancelled action by anyone else changes nothing.",
    store: { ownRefusedCancelReplayedAfterMs: 300_000 },
  },
] as const satisfies readonly StoreFault[];
