import type { ActionRecord, Tenant } from './tenant-store.ts';

// A cancel the variant applies some time after its 200 (Variant.cancelShowsAfterMs). Until it is due
// the action stays as it was for every call (reads, another cancel, a new scan on its device); the API
// gateway applies what is due before each call, so the change shows as the virtual clock moves.

export function applyCancel(
  action: ActionRecord,
  requestor: string,
  comment: string | null,
  atMs: number,
): void {
  action.status = 'Cancelled';
  action.cancellationRequestor = requestor;
  action.cancellationComment = comment;
  action.cancelledMs = atMs;
  action.updatedMs = atMs;
  action.pendingCancel = null;
}

// The cancellation time is when it was asked for; the last update when it took effect.
export function applyDueCancels(tenant: Tenant | undefined, nowMs: number): void {
  for (const action of tenant?.actions.values() ?? []) {
    const pending = action.pendingCancel;
    if (!pending || pending.dueMs > nowMs) continue;
    applyCancel(action, pending.requestor, pending.comment, pending.atMs);
    action.updatedMs = pending.dueMs;
  }
}
