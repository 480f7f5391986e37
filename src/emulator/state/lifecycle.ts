import { isFinal } from '../../contract/index.ts';
import type { MachineAction } from './machine-action.ts';

// How actions move on without timers: a created action carries the times of its next states, and
// whoever reads it first calls settle(), which catches the stored action up with the clock.

export interface LifecycleDurations {
  pendingSeconds: number;
  inProgressSeconds: number;
}

export function progressFrom(creationMs: number, durations: LifecycleDurations): MachineAction['progress'] {
  const inProgressAtMs = creationMs + durations.pendingSeconds * 1000;
  return { inProgressAtMs, succeededAtMs: inProgressAtMs + durations.inProgressSeconds * 1000 };
}

export function settle(action: MachineAction, nowMs: number): MachineAction {
  // A cancel waiting to show holds the action as it was (docs/contract.md#cancel-visible-after).
  const pending = action.pendingCancel;
  if (pending !== null) return nowMs >= pending.dueMs ? applyCancel(action, pending) : action;
  const progress = action.progress;
  // A cancelled action holds progress only when a store fault lets its completion overtake the cancel.
  if (!progress || (isFinal(action.status) && action.status !== 'Cancelled')) return action;
  if (nowMs >= progress.succeededAtMs) {
    action.status = 'Succeeded';
    action.lastUpdateMs = progress.succeededAtMs;
    action.progress = null;
  } else if (nowMs >= progress.inProgressAtMs && action.status === 'Pending') {
    action.status = 'InProgress';
    action.lastUpdateMs = progress.inProgressAtMs;
  }
  return action;
}

export function isActive(action: MachineAction): boolean {
  return action.status === 'Pending' || action.status === 'InProgress';
}

export interface Cancellation {
  requestor: string;
  comment: string | null;
  atMs: number;
  // true: the status alone is recorded, cancellationRequestor and cancellationDateTimeUtc left null (a
  // store fault; the contract: never).
  statusOnly?: boolean;
}

// Cancel updates the original action (same id); it never creates a new one (docs/contract.md#after-cancel).
export function applyCancel(action: MachineAction, cancellation: Cancellation): MachineAction {
  action.status = 'Cancelled';
  action.cancellationRequestor = cancellation.statusOnly ? null : cancellation.requestor;
  action.cancellationComment = cancellation.comment;
  action.cancellationMs = cancellation.statusOnly ? null : cancellation.atMs;
  action.lastUpdateMs = cancellation.atMs;
  action.progress = null;
  action.pendingCancel = null;
  return action;
}

// A cancel answered now and applied by settle() at dueMs; a second cancel meanwhile keeps the first.
export function deferCancel(action: MachineAction, cancellation: Cancellation, dueMs: number): void {
  action.pendingCancel ??= { ...cancellation, dueMs };
}
