import { randomUUID } from 'node:crypto';
import { ACTIVE_STATUSES, type ActionRecord, type ActionStatus, type Machine } from './tenant-store.ts';
import { timestamp } from './time-format.ts';
import type { Variant } from './variants.ts';

export interface NewAction {
  type: string;
  status: ActionStatus;
  machine: Machine;
  requestor: string;
  requestorComment: string | null;
  scope: string | null;
  nowMs: number;
}

export function newAction(input: NewAction): ActionRecord {
  const cancelled = input.status === 'Cancelled';
  return {
    id: randomUUID(),
    type: input.type,
    requestor: input.requestor,
    requestorComment: input.requestorComment,
    status: input.status,
    machineId: input.machine.id,
    computerDnsName: input.machine.computerDnsName,
    createdMs: input.nowMs,
    updatedMs: input.nowMs,
    // A seeded Cancelled action was cancelled by someone at some point: say so rather than leave holes.
    cancellationRequestor: cancelled ? input.requestor : null,
    cancellationComment: null,
    cancelledMs: cancelled ? input.nowMs : null,
    scope: input.scope,
    pendingCancel: null,
  };
}

// The MachineAction as the wire carries it, in the key order real answers use
// (docs/contract.md#machine-action-fields), then the variant's extra members.
export function renderAction(
  action: ActionRecord,
  variant: Variant,
  origin: string,
): Record<string, unknown> {
  const at = (ms: number) => timestamp(ms, variant.timestampDigits);
  return {
    ...(variant.odataContext ? { '@odata.context': `${origin}/api/$metadata#MachineActions/$entity` } : {}),
    id: action.id,
    type: action.type,
    title: null,
    requestor: action.requestor,
    requestorComment: action.requestorComment,
    status: action.status,
    machineId: action.machineId,
    computerDnsName: action.computerDnsName,
    creationDateTimeUtc: at(action.createdMs),
    lastUpdateDateTimeUtc: at(action.updatedMs),
    cancellationRequestor: action.cancellationRequestor,
    cancellationComment: action.cancellationComment,
    cancellationDateTimeUtc: action.cancelledMs === null ? null : at(action.cancelledMs),
    errorHResult: 0,
    scope: action.scope,
    externalId: null,
    requestSource: 'PublicApi',
    relatedFileInfo: null,
    commands: [],
    troubleshootInfo: null,
    ...variant.extraEntityMembers,
  };
}

// The action as a read finds it: while it is active, its last update is the device's latest report
// (Variant.deviceReportsEveryMs), never earlier than the last change of its own.
export function asReported(action: ActionRecord, variant: Variant, nowMs: number): ActionRecord {
  const every = variant.deviceReportsEveryMs;
  if (every === null || !ACTIVE_STATUSES.includes(action.status)) return action;
  return { ...action, updatedMs: Math.max(action.updatedMs, nowMs - (nowMs % every)) };
}
