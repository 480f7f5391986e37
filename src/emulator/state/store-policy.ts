import type { MachineActionStatus } from '../../contract/index.ts';
import { CONTRACT_TENANT_LOOKUP, type TenantLookupPolicy } from './tenant-lookup-policy.ts';

// What a cancel or a lookup does to stored state: the store seam. The defaults are the contract; each
// store fault (faults/store-faults.ts) changes a field. Which tenant's actions a lookup finds is its
// own file (tenant-lookup-policy.ts), one seam still: a fault sets fields of either the same way.
export interface StorePolicy extends TenantLookupPolicy {
  // false: a cancel changes a copy; the stored action stays as it was.
  persistCancel: boolean;
  // Final statuses a cancel changes anyway (the contract: none).
  cancellableFinal: readonly MachineActionStatus[];
  // Not null: only actions of these types are checked for a final state, so a final action of any other
  // type is cancelled (a state check in some types' handlers). The contract: null, every type.
  finalCheckedOnlyFor: readonly string[] | null;
  // true: an action that reached Succeeded by its own lifecycle is cancelled like an active one (a cancel
  // that checks the status an API call last wrote); one seeded final is refused. The contract: false.
  finishedCancellable: boolean;
  // true: a cancel of a Cancelled action by the app that cancelled it is taken for a retry of that
  // cancel and answered 200 with the action as it is; one cancelled by anyone else is refused. The
  // contract: false (a second cancel meets a final action, docs/contract.md#after-cancel).
  ownCancelRetried: boolean;
  // true: the same, only for a cancel whose Comment is the one the cancellation recorded (an
  // idempotency key of caller, action and body); another Comment is refused. The contract: false.
  identicalCancelRetried: boolean;
  cancellationRequestor: 'caller' | 'empty';
  // 'latin1': the Comment's UTF-8 bytes read as Latin-1 (a body decoded in the wrong charset).
  // 'html-encoded': & < > " ' as entities (a service that sanitizes its input). 'bmp-only': each
  // character past the Basic Multilingual Plane as '?' (MySQL's utf8mb3). 'single-line': line breaks and
  // tabs as spaces (a guard against injected log lines). 'trimmed': white space at either end cut (a
  // binder that trims strings). 'first-500': its first 500 characters alone (a column of that size
  // that truncates silently). The contract: 'as-sent'.
  cancellationComment:
    | 'as-sent'
    | 'latin1'
    | 'html-encoded'
    | 'bmp-only'
    | 'single-line'
    | 'trimmed'
    | 'first-500';
  // 'local-ahead': the cancel's time on a clock two hours east of UTC, written as UTC (DateTime.Now for
  // DateTime.UtcNow); 'creation': the action's creation time (a mapper's wrong copy); 'last-report-if-running':
  // for an InProgress action, the time of its device's last report (its last update), the time of the
  // cancel for any other. The contract: 'now'.
  cancellationTime: 'now' | 'day-before-creation' | 'local-ahead' | 'creation' | 'last-report-if-running';
  // true: a cancel without a Comment (or without a body) records the status alone, its
  // cancellationRequestor and cancellationDateTimeUtc left null (the path that records the Comment
  // records who and when as well). The contract: false (docs/contract.md#after-cancel).
  uncommentedStatusOnly: boolean;
  // A cancel by a caller holding only these roles answers 200 but changes a copy (the contract: none).
  unstoredCancelRoles: readonly string[];
  // A cancel of an action in one of these statuses answers 200 but changes a copy (the contract: none).
  unstoredCancelStatuses: readonly MachineActionStatus[];
  // A cancel of an action of one of these types answers 200 but changes a copy (the contract: none).
  unstoredCancelTypes: readonly string[];
  // Above 0: a cancel of a final action is refused, yet its cancellation is recorded this much later
  // (a command queued before the state check). The contract: 0, never.
  refusedFinalCancelAfterMs: number;
  // Above 0: a second cancel by the app that cancelled the action is refused as any cancel of a final
  // action, yet replaces the recorded cancellation with its own this much later (a retry queue keyed by
  // caller and action that sends it again after its backoff). The contract: 0, never.
  ownRefusedCancelReplayedAfterMs: number;
  // true: a cancel is stored on the oldest active action of the named action's device, which may be
  // another one, while its 200 answers the named action cancelled (the contract: the named action).
  cancelsOldestOnDevice: boolean;
  // Statuses beside Pending and InProgress that keep a device busy for a new action of the type.
  alsoBlocking: readonly MachineActionStatus[];
  // true: an action cancelled while InProgress keeps blocking its device for a new action of its type
  // (the device was never told); one cancelled while Pending frees it. The contract: false.
  runningCancelKeepsDevice: boolean;
  // true: only the first cancel of an action of a type on a device frees the device for a new one of
  // that type; a later cancel there keeps it blocking (a release flag set once). The contract: false.
  deviceReleasedOnce: boolean;
  // true: a new action asked for while a cancelled one still keeps the device busy answers that one, as
  // a duplicate answered with the running action does (the contract: a device a cancel frees is free).
  heldDeviceAnswersHolder: boolean;
  // true: a cancel is also kept against its device and type, and the next action of that type there takes
  // it (a command queue keyed by device and type). The contract: false (docs/contract.md#after-cancel).
  cancelCarriedToNextOnDevice: boolean;
  // true: a cancel without a Comment answers 200 with the action as it was and changes nothing (the
  // contract: a 200 is a cancel made).
  ignoresUncommented: boolean;
  // true: a cancel refused for its body is still recorded as a request for the action (a dedupe key
  // written before the body is read), and the next cancel of it is taken for a repeat of that one:
  // answered 200 with the action as it was, nothing changed. The contract: false.
  refusedBodyMarksCancel: boolean;
  // true: a cancel without a Comment answers 200 showing the action Cancelled, but the stored action
  // stays as it was (the contract: GETs show the cancel).
  unstoredUncommented: boolean;
  // Above 0: an action cancelled while active reads Succeeded this much later, as when a device's late
  // completion report overwrites the cancellation. The contract: 0, never (Cancelled is final).
  completionOvertakesCancelAfterMs: number;
  // Above 0: a cancel of an active action created longer ago than this is refused with 400, though it reads
  // active (an age check for the TimeOut the status never shows). The contract: 0, never.
  staleCancelRefusedAfterMs: number;
  // Above 0: a cancel of an active action created longer ago than this answers 200 with the action as it
  // was and changes nothing (a command left waiting for a device that never calls in). The contract: 0.
  staleCancelIgnoredAfterMs: number;
  // Above 0: a cancel of an active action created longer ago than this is stored Cancelled without its
  // Comment (a path for stale actions that records the state alone). The contract: 0, never.
  staleCancelCommentDroppedAfterMs: number;
  // A cancel's id is cut to this many characters before it is read (a lookup parameter sized to the
  // id column, which truncates silently), so an action's id with anything appended names the action.
  // The contract: null (the id as sent; one that is no GUID names no action).
  cancelIdCutTo: number | null;
  // true: a cancel's id is read up to its first ';', decoded (%3B) or not, as a server that strips path
  // parameters (`;jsessionid=...`) after decoding the path does, so an action's id with `;anything`
  // names the action. The contract: false (the id as sent).
  cancelIdPathParamsDropped: boolean;
  // true: a cancel without a Comment (or without a body) skips the final-state check, so an action in
  // a final state is cancelled (the check lives in the path that records the Comment). The contract: false.
  uncommentedFinalCancellable: boolean;
  // true: a cancel without a Comment (or without a body) finds other tenants' actions too, and cancels
  // them (the tenant is scoped in the path that records the Comment). The contract: false.
  uncommentedCrossTenant: boolean;
  // true: every cancel leaves its action's device busy for a new action of the type (the device never
  // told; the route policy sets it for a versioned cancel alone). The contract: false.
  everyCancelKeepsDevice: boolean;
  // true: the same for a cancel without a Comment alone (the path that records it tells the device).
  uncommentedCancelKeepsDevice: boolean;
}

export const CONTRACT_STORE: StorePolicy = {
  ...CONTRACT_TENANT_LOOKUP,
  persistCancel: true,
  cancellableFinal: [],
  finalCheckedOnlyFor: null,
  finishedCancellable: false,
  ownCancelRetried: false,
  identicalCancelRetried: false,
  cancellationRequestor: 'caller',
  cancellationComment: 'as-sent',
  cancellationTime: 'now',
  uncommentedStatusOnly: false,
  unstoredCancelRoles: [],
  unstoredCancelStatuses: [],
  unstoredCancelTypes: [],
  refusedFinalCancelAfterMs: 0,
  ownRefusedCancelReplayedAfterMs: 0,
  cancelsOldestOnDevice: false,
  alsoBlocking: [],
  runningCancelKeepsDevice: false,
  deviceReleasedOnce: false,
  heldDeviceAnswersHolder: false,
  cancelCarriedToNextOnDevice: false,
  ignoresUncommented: false,
  refusedBodyMarksCancel: false,
  unstoredUncommented: false,
  completionOvertakesCancelAfterMs: 0,
  staleCancelRefusedAfterMs: 0,
  staleCancelIgnoredAfterMs: 0,
  staleCancelCommentDroppedAfterMs: 0,
  cancelIdCutTo: null,
  cancelIdPathParamsDropped: false,
  uncommentedFinalCancellable: false,
  uncommentedCrossTenant: false,
  everyCancelKeepsDevice: false,
  uncommentedCancelKeepsDevice: false,
};
