import type { StoreFault } from './fault-entry.ts';

// Faults of actions that moved on by themselves, as a device reports (the store seam:
// state/store-policy.ts). Seeded actions keep the status they were given, so a fault here shows only
// on an action created through the API and left to run its course.
export const LIFECYCLE_FAULTS = [
  {
    // A lifecycle computed on reads but never consulted by the cancel: a scan the device has finished
    // reads Succeeded, yet a cancel still finds it active and turns it Cancelled.
    name: 'finished-cancellable',
    seam: 'store',
    breaks: ['CANCEL.FINAL'],
    description:
      'A cancel of an action that reached Succeeded by itself (its device finished it) answers 200 and turns it Cancelled; a seeded Succeeded, Failed or Cancelled one is refused.',
    store: { finishedCancellable: true },
  },
  {
    // An age check standing in for a TimeOut the status never shows: the stuck action a client most
    // wants to cancel (docs/contract.md#after-cancel) is the one refused.
    name: 'stale-active-cancel-refused',
    seam: 'store',
    breaks: ['CANCEL.OK'],
    description:
      'A cancel of an action created more than a day ago is refused with 400 BadRequest, though it still reads Pending or InProgress; a younger one is cancelled.',
    store: { staleCancelRefusedAfterMs: 86_400_000 },
  },
  {
    // The stuck action's cancel answered 200 like any, so CANCEL.OK passed it, and no test that reads
    // the action back had aged one.
    name: 'stale-active-cancel-ignored',
    seam: 'store',
    breaks: ['CANCEL.STATUS'],
    description:
      'A cancel of an action created more than a day ago answers 200 with the action as it was, which never shows Cancelled (a command left waiting for a device that never calls in); a younger one is cancelled.',
    store: { staleCancelIgnoredAfterMs: 86_400_000 },
  },
] as const satisfies readonly StoreFault[];
