import type { StoreFault } from './fault-entry.ts';

// Faults of what a cancel or a lookup does to stored state (the store seam: state/store-policy.ts).
export const STORE_FAULTS = [
  {
    name: 'cancel-requestor-empty',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description: 'A cancel records an empty cancellationRequestor.',
    store: { cancellationRequestor: 'empty' },
  },
  {
    name: 'cancel-comment-mojibake',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancel stores its Comment's UTF-8 bytes read as Latin-1: an ASCII Comment comes back as sent, any other garbled.",
    store: { cancellationComment: 'latin1' },
  },
  {
    name: 'cancel-date-before-creation',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description: 'A cancel records a cancellationDateTimeUtc one day before the creation of the action.',
    store: { cancellationTime: 'day-before-creation' },
  },
  {
    name: 'cancel-not-persisted',
    seam: 'store',
    breaks: ['CANCEL.PERSIST', 'CANCEL.REOPEN', 'PERM.ROLES'],
    description:
      'The 200 body of a cancel is right but the stored action is unchanged (so the device stays busy).',
    store: { persistCancel: false },
  },
  {
    name: 'isolate-role-cancel-not-stored',
    seam: 'store',
    breaks: ['PERM.ROLES'],
    description:
      'A cancel by an app holding only Machine.Isolate answers 200 but leaves the action unchanged.',
    store: { unstoredCancelRoles: ['Machine.Isolate'] },
  },
  {
    name: 'inprogress-cancel-not-stored',
    seam: 'store',
    breaks: ['CANCEL.PERSIST', 'CANCEL.REOPEN'],
    description:
      'A cancel of an InProgress action answers 200 Cancelled but the stored action stays InProgress (so the device stays busy); a Pending one is cancelled.',
    store: { unstoredCancelStatuses: ['InProgress'] },
  },
  {
    name: 'only-scan-cancel-stored',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      "A cancel of an action of any type but RunAntiVirusScan answers 200 Cancelled but the stored action stays as it was (an isolated device stays isolated); a scan's cancel is stored.",
    store: {
      unstoredCancelTypes: [
        'Isolate',
        'Unisolate',
        'CollectInvestigationPackage',
        'RestrictCodeExecution',
        'UnrestrictCodeExecution',
        'Offboard',
        'StopAndQuarantineFile',
        'LiveResponse',
        'Live Response',
      ],
    },
  },
  {
    // A live response runs as a session on the device, which a cancel may fail to end.
    name: 'liveresponse-cancel-not-stored',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      'A cancel of a LiveResponse action answers 200 Cancelled but the stored action stays as it was; a cancel of any other type is stored.',
    store: { unstoredCancelTypes: ['LiveResponse', 'Live Response'] },
  },
  {
    name: 'uncommented-cancel-ignored',
    seam: 'store',
    breaks: ['CANCEL.STATUS'],
    description:
      'A cancel without a Comment (or without a body) answers 200 with the action as it was, and the action never shows Cancelled.',
    store: { ignoresUncommented: true },
  },
  {
    name: 'uncommented-cancel-not-stored',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      'A cancel without a Comment (or without a body) answers 200 showing the action Cancelled, but GETs keep showing it as it was.',
    store: { unstoredUncommented: true },
  },
  {
    name: 'cancel-overtaken-by-completion',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      "A cancelled action reads Succeeded a minute later, as if the device's completion report overwrote the cancellation.",
    store: { completionOvertakesCancelAfterMs: 60_000 },
  },
  {
    // A device that was offline when its action was cancelled reports the command's completion once it
    // is back, hours later: the suite read the cancelled action again only minutes on.
    name: 'cancel-overtaken-by-late-report',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      'A cancelled action reads Succeeded an hour later, as if the completion report of a device back online overwrote the cancellation; minutes after the cancel it still reads Cancelled.',
    store: { completionOvertakesCancelAfterMs: 3_600_000 },
  },
  {
    name: 'cancel-oldest-on-device',
    seam: 'store',
    breaks: ['CANCEL.PERSIST'],
    description:
      "A cancel answers 200 with the named action Cancelled but cancels its device's oldest active action, which is the named one only when it is alone.",
    store: { cancelsOldestOnDevice: true },
  },
  {
    name: 'final-cancel-applied-late',
    seam: 'store',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel of an action in a final state is refused, yet records its cancellation (status Cancelled) five seconds later.',
    store: { refusedFinalCancelAfterMs: 5_000 },
  },
  {
    name: 'final-cancel-applied-after-backoff',
    seam: 'store',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel of an action in a final state is refused, yet records its cancellation (status Cancelled) five minutes later (a command queue that retries a refused command after its backoff).',
    store: { refusedFinalCancelAfterMs: 300_000 },
  },
  {
    name: 'cancel-carried-to-next-on-device',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description:
      "A cancel is also kept against its device and the action's type, and the next action of that type on the device takes it: a new scan after a cancel is answered 201 Pending but stored Cancelled with the earlier cancel's comment (a device command queue keyed by device and type, not by action).",
    store: { cancelCarriedToNextOnDevice: true },
  },
  {
    name: 'final-state-cancellable',
    seam: 'store',
    breaks: ['CANCEL.FINAL'],
    description: 'A Succeeded, Failed or Cancelled action can be cancelled (200, and it changes).',
    store: { cancellableFinal: ['Succeeded', 'Failed', 'Cancelled'] },
  },
  {
    // Idempotency keyed on the caller: the seeded (or listed) Cancelled action the final-state tests
    // cancel was cancelled by no app of the run, so only a second cancel of the caller's own shows it.
    name: 'own-cancel-retry-200',
    seam: 'store',
    breaks: ['CANCEL.FINAL'],
    description:
      'A second cancel of an action by the app that cancelled it is taken for a retry: 200 with the action as it is. A Cancelled action cancelled by anyone else is refused.',
    store: { ownCancelRetried: true },
  },
  {
    name: 'timeout-cancellable',
    seam: 'store',
    breaks: ['CANCEL.TIMEOUT'],
    description: 'A TimeOut action can be cancelled (200, and it changes).',
    store: { cancellableFinal: ['TimeOut'] },
  },
  {
    name: 'reopen-blocked',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description: 'A cancelled action still blocks a new action of its type on its device.',
    store: { alsoBlocking: ['Cancelled'] },
  },
  {
    name: 'reopen-blocked-after-running-cancel',
    seam: 'store',
    breaks: ['CANCEL.REOPEN'],
    description:
      'An action cancelled while InProgress still blocks a new action of its type on its device; one cancelled while Pending frees it.',
    store: { runningCancelKeepsDevice: true },
  },
] as const satisfies readonly StoreFault[];
