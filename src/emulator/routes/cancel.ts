import type { FastifyRequest } from 'fastify';
import { isFinal } from '../../contract/index.ts';
import type { Caller } from '../auth/caller.ts';
import { commentRoleCheck } from '../auth/comment-role-check.ts';
import { throttledIfCommented } from '../auth/throttled-cancel-runs.ts';
import type { EmulatorContext } from '../context.ts';
import { refusal, WireError } from '../error-catalogue.ts';
import type { BodyPolicy } from '../http/body-policy.ts';
import { readJsonBody } from '../http/request-body.ts';
import { applyCancel, deferCancel, settle } from '../state/lifecycle.ts';
import { isWellFormedId, type MachineAction } from '../state/machine-action.ts';
import { deviceTypeKey } from '../state/machine-action-store.ts';
import type { StorePolicy } from '../state/store-policy.ts';
import { findAction, notFound } from './action-lookup.ts';
import { cancelIdRead } from './cancel-id-read.ts';
import { cancelKeepsDevice } from './cancel-keeps-device.ts';
import { cancellationOf } from './cancellation-of.ts';
import type { Outcome } from './outcome.ts';
import { commentOrRepeat } from './refused-cancel-marks.ts';
import { cancelBodyPolicy } from './running-cancel-body.ts';

const OPERATION = 'CancelMachineAction';

// POST /api/machineactions/{id}/cancel: what the cancel did, for the answer seam to put into words.
// `store` and `body`: the policies this route reads (a versioned route may be given its own).
export function cancelHandler(
  ctx: EmulatorContext,
  store: StorePolicy = ctx.faults.store,
  body: BodyPolicy = ctx.faults.body(OPERATION),
) {
  return function cancel(request: FastifyRequest<{ Params: { id: string } }>, caller: Caller): Outcome {
    const sent = request.params.id;
    const id = cancelIdRead(store, sent);
    if (!isWellFormedId(id)) return { kind: 'malformed', id: sent };
    const { comment, repeat } = commentOrRepeat(
      store,
      ctx.state.actions.refusedBodyCancels,
      caller.tenantId,
      id,
      () => readComment(ctx, request, cancelBodyPolicy(ctx, request, caller, body)),
    );
    commentRoleCheck(ctx, request, comment);
    throttledIfCommented(request, comment);
    // The store policy may look an uncommented cancel's id up in every tenant.
    const lookup =
      store.uncommentedCrossTenant && comment === null ? { ...store, crossTenant: [OPERATION] } : store;
    const action = findAction(ctx, caller, id, OPERATION, request.receivedAtMs, lookup);
    const nowMs = ctx.clock.now();
    if (!action) {
      // The store policy may check the state of another tenant's action before the tenant.
      const elsewhere = store.foreignFinalRefused ? ctx.state.actions.findAnywhere(id) : undefined;
      if (elsewhere && isFinal(settle(elsewhere, nowMs).status))
        return { kind: 'refused-final', action: elsewhere };
      // The store policy may queue the cancel of another tenant's action all the same, to show later.
      const foreign = store.foreignCancelAfterMs > 0 ? ctx.state.actions.findAnywhere(id) : undefined;
      if (foreign && !isFinal(foreign.status))
        deferCancel(
          foreign,
          cancellationOf(store, caller, comment, foreign, nowMs),
          nowMs + store.foreignCancelAfterMs,
        );
      return notFound(ctx, id);
    }
    // The store policy may take a second cancel by the app that cancelled the action (with the same
    // Comment) for a retry.
    const retried =
      store.ownCancelRetried || (store.identicalCancelRetried && action.cancellationComment === comment);
    if (retried && action.status === 'Cancelled' && action.cancellationRequestor === caller.appId)
      return { kind: 'cancelled', before: { ...action }, after: { ...action } };
    if (
      isFinal(action.status) &&
      !store.cancellableFinal.includes(action.status) &&
      (store.finalCheckedOnlyFor === null || store.finalCheckedOnlyFor.includes(action.type)) &&
      !finished(store, action) &&
      !(store.uncommentedFinalCancellable && comment === null)
    ) {
      // The store policy may queue the refused cancel all the same (or the caller's own second one), to
      // show later.
      const laterMs = ownSecondCancel(store, action, caller) || store.refusedFinalCancelAfterMs;
      if (laterMs > 0)
        deferCancel(action, cancellationOf(store, caller, comment, action, nowMs), nowMs + laterMs);
      return { kind: 'refused-final', action };
    }
    // The store policy may refuse the cancel of an action that has waited long for its device.
    const stale = store.staleCancelRefusedAfterMs;
    if (stale > 0 && nowMs - action.creationMs > stale)
      throw new WireError('BadRequest', `Machine action ${action.id} has expired and cannot be cancelled.`);
    const before = { ...action };
    const { releasedDevices, stillBlocking } = ctx.state.actions;
    if (cancelKeepsDevice(store, action, releasedDevices, comment))
      stillBlocking.add(action.id.toLowerCase());
    // The store policy may answer a cancel without a Comment, of an old action, or taken for a repeat
    // of one refused for its body, as accepted and do nothing with it.
    const ignoredAge = store.staleCancelIgnoredAfterMs;
    if (
      (store.ignoresUncommented && comment === null) ||
      repeat ||
      (ignoredAge > 0 && nowMs - action.creationMs > ignoredAge)
    )
      return { kind: 'cancelled', before, after: { ...action } };
    const cancellation = cancellationOf(store, caller, comment, action, nowMs);
    // Cancel updates the original action (same id; docs/contract.md#after-cancel), unless the store
    // policy keeps it: then a copy changes and the stored action stays as it was. A profile that shows
    // the cancel only later (docs/contract.md#cancel-visible-after) defers it on the stored action.
    // A throttled call the throttle policy queued shows once its wait is over, at the latest.
    const lagMs = Math.max(ctx.profile.answers.cancelVisibleAfterMs, request.admission?.queuedMs ?? 0);
    const persist =
      store.persistCancel &&
      !onlyUnstoredRoles(store, caller) &&
      !store.unstoredCancelStatuses.includes(action.status) &&
      !store.unstoredCancelTypes.includes(action.type) &&
      !(store.unstoredUncommented && comment === null);
    // The store policy may change another action of the device than the one named.
    const stored = store.cancelsOldestOnDevice ? oldestActiveOnDevice(ctx, action, nowMs) : action;
    const after = persist && lagMs === 0 && stored === action ? action : { ...action };
    applyCancel(after, cancellation);
    if (persist && lagMs === 0 && stored !== action) applyCancel(stored, cancellation);
    if (persist && lagMs > 0) deferCancel(stored, cancellation, nowMs + lagMs);
    // The store policy may keep the cancel for the device's next action of the type as well.
    if (store.cancelCarriedToNextOnDevice && action.machineId)
      ctx.state.actions.carriedCancels.set(
        deviceTypeKey(action.tenantId, action.machineId, action.type),
        cancellation,
      );
    // The store policy may let a completion report overwrite the cancel later (settle() applies it).
    const overtakenAfterMs = store.completionOvertakesCancelAfterMs;
    if (persist && lagMs === 0 && overtakenAfterMs > 0)
      stored.progress = { inProgressAtMs: nowMs, succeededAtMs: nowMs + overtakenAfterMs };
    return { kind: 'cancelled', before, after };
  };
}

// The active action of the same tenant and device stored first (the named one when it is alone).
function oldestActiveOnDevice(ctx: EmulatorContext, action: MachineAction, nowMs: number): MachineAction {
  const active = (other: MachineAction) =>
    other.machineId === action.machineId && !isFinal(settle(other, nowMs).status);
  return ctx.state.actions.list(action.tenantId).find(active) ?? action;
}

// The delay after which the store policy replays a second cancel by the app that cancelled the action
// (0: none).
function ownSecondCancel(store: StorePolicy, action: MachineAction, caller: Caller): number {
  const ownCancel = action.status === 'Cancelled' && action.cancellationRequestor === caller.appId;
  return ownCancel ? store.ownRefusedCancelReplayedAfterMs : 0;
}

// An action the store policy cancels though it is final: one its lifecycle, not a call, made Succeeded
// (a seeded one keeps its creation time as its last update; a cancelled one has a cancellation).
function finished(store: StorePolicy, action: MachineAction): boolean {
  return (
    store.finishedCancellable &&
    action.status === 'Succeeded' &&
    action.cancellationMs === null &&
    action.lastUpdateMs > action.creationMs
  );
}

// A caller whose every role is one whose cancels the store policy never stores.
function onlyUnstoredRoles(store: StorePolicy, caller: Caller): boolean {
  const unstored = store.unstoredCancelRoles;
  return unstored.length > 0 && caller.roles.length > 0 && caller.roles.every((r) => unstored.includes(r));
}

// docs/contract.md#cancel-without-body and docs/contract.md#cancel-without-comment: accepted (no
// comment) or refused, per profile. A Comment that is there must be a string.
function readComment(ctx: EmulatorContext, request: FastifyRequest, policy: BodyPolicy): string | null {
  const readings = ctx.profile.readings;
  const body = readJsonBody(ctx, request, policy);
  if (body === undefined) {
    const reading = readings['cancel-without-body'];
    if (reading === 'accepted') return null;
    throw refusal(reading, 'The cancel has no body; send {"Comment": "..."}.');
  }
  const comment = body['Comment'];
  if (comment === undefined) {
    const reading = readings['cancel-without-comment'];
    if (reading === 'accepted') return null;
    throw refusal(reading, 'Parameter Comment is missing.');
  }
  if (typeof comment === 'string') return comment;
  if (policy.nonStringComment === 'stringify' && comment !== null) return String(comment);
  if (policy.nonStringComment === 'join-arrays' && Array.isArray(comment)) return comment.join(' ');
  throw new WireError('InvalidRequestBody', 'Comment must be a string.');
}
