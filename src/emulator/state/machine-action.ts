import { randomUUID } from 'node:crypto';
import type { MachineActionStatus } from '../../contract/index.ts';

// Types the service reports (entity page; 'Live Response' is the pre-2021 spelling, seeds may use it).
export const ACTION_TYPES = [
  'RunAntiVirusScan',
  'Offboard',
  'LiveResponse',
  'CollectInvestigationPackage',
  'Isolate',
  'Unisolate',
  'StopAndQuarantineFile',
  'RestrictCodeExecution',
  'UnrestrictCodeExecution',
  'Live Response',
] as const;

export type ActionType = (typeof ACTION_TYPES)[number];

export interface RelatedFileInfo {
  fileIdentifier: string;
  fileIdentifierType: 'Sha1' | 'Sha256' | 'Md5';
}

// A stored machine action. Times are epoch milliseconds of the virtual clock; the wire format
// (http/machine-action-wire.ts) turns them into .NET timestamps.
export interface MachineAction {
  tenantId: string;
  id: string;
  type: ActionType;
  title: string | null;
  requestor: string;
  requestorComment: string | null;
  status: MachineActionStatus;
  machineId: string | null;
  computerDnsName: string | null;
  creationMs: number;
  lastUpdateMs: number;
  cancellationRequestor: string | null;
  cancellationComment: string | null;
  cancellationMs: number | null;
  errorHResult: number;
  scope: string | null;
  externalId: string | null;
  requestSource: string | null;
  relatedFileInfo: RelatedFileInfo | null;
  // Set on actions created through the API: when they turn InProgress and Succeeded (lifecycle.ts).
  // Seeded actions have none and keep their status until an API call changes them.
  progress: { inProgressAtMs: number; succeededAtMs: number } | null;
  // A cancel answered 200 and not applied yet (docs/contract.md#cancel-visible-after): settle() applies
  // it once the clock reaches dueMs; until then the action reads, and blocks its device, as before.
  pendingCancel: PendingCancel | null;
}

export interface PendingCancel {
  requestor: string;
  comment: string | null;
  atMs: number;
  dueMs: number;
}

export interface NewAction {
  tenantId: string;
  type: ActionType;
  status: MachineActionStatus;
  machineId: string | null;
  computerDnsName: string | null;
  requestor: string;
  requestorComment: string | null;
  scope: string | null;
  relatedFileInfo?: RelatedFileInfo | null;
  nowMs: number;
  progress?: MachineAction['progress'];
}

export function newMachineAction(input: NewAction): MachineAction {
  return {
    tenantId: input.tenantId,
    id: randomUUID(),
    type: input.type,
    title: null,
    requestor: input.requestor,
    requestorComment: input.requestorComment,
    status: input.status,
    machineId: input.machineId,
    computerDnsName: input.computerDnsName,
    creationMs: input.nowMs,
    lastUpdateMs: input.nowMs,
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationMs: null,
    errorHResult: 0,
    scope: input.scope,
    externalId: null,
    requestSource: 'PublicApi',
    relatedFileInfo: input.relatedFileInfo ?? null,
    progress: input.progress ?? null,
    pendingCancel: null,
  };
}

// Real ids are lower-case GUIDs (8-4-4-4-12 hex digits, either case); anything else is "malformed"
// (docs/contract.md#malformed-id). A loop, not a pattern: every call by id runs it, and a RegExp call
// cost a call about half a microsecond in the server.
export function isWellFormedId(id: string): boolean {
  if (id.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? c !== 0x2d : !isHexDigit(c)) return false;
  }
  return true;
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
