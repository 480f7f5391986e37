import type { StoreFault } from './fault-entry.ts';

// Faults of when a cancel frees its device for a new action of the type (CANCEL.REOPEN; the store
// seam: state/store-policy.ts). Those of a running action's cancel are in store-faults.ts.
export const DEVICE_LOCK_FAULTS = [
  {
    // A release flag set once per device and type, never cleared when a new action takes the device:
    // every reopen test cancelled a single action on its device.
    name: 'reopen-blocked-after-second-cancel',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description:
      'Only the first cancel on a device frees it for a new action of the type: once a new scan was started there, cancelling that one leaves the device busy.',
    store: { deviceReleasedOnce: true },
  },
  {
    // As above, where a duplicate is answered with the action holding the device (a lawful reading,
    // docs/contract.md#duplicate-create): the second reopen's 201 was the cancelled scan, not a new one.
    name: 'reopen-answers-cancelled-scan-after-second-cancel',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description:
      'Only the first cancel on a device frees it for a new action of the type; a scan asked for after a second cancel there answers 201 with the cancelled scan still holding the device, not a new one.',
    store: { deviceReleasedOnce: true, heldDeviceAnswersHolder: true },
  },
  {
    // The device told by the path that records the Comment: every reopen test cancelled with a Comment.
    name: 'uncommented-cancel-keeps-device',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description:
      'A cancel without a Comment ({} or no body) is answered and stored as any other, but leaves the device busy: a new action of the type there is refused as a duplicate; a commented cancel frees it.',
    store: { uncommentedCancelKeepsDevice: true },
  },
] as const satisfies readonly StoreFault[];
