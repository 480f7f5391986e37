import type { FastifyRequest } from 'fastify';
import type { Operation } from '../../contract/index.ts';
import type { Caller } from '../auth/caller.ts';
import type { EmulatorContext } from '../context.ts';
import { refusal, WireError } from '../error-catalogue.ts';
import { readJsonBody } from '../http/request-body.ts';
import { applyCancel, isActive, progressFrom, settle } from '../state/lifecycle.ts';
import { type ActionType, newMachineAction, type RelatedFileInfo } from '../state/machine-action.ts';
import { deviceTypeKey } from '../state/machine-action-store.ts';
import type { Outcome } from './outcome.ts';

// POST /api/machines/{machineId}/<action>: one handler for every operation with x-action-type.
export function createHandler(ctx: EmulatorContext, operation: Operation) {
  const type = operation.actionType as ActionType;
  const policy = ctx.faults.body(operation.operationId);
  const blocking = ctx.faults.store.alsoBlocking;
  return function create(
    request: FastifyRequest<{ Params: { machineId: string } }>,
    caller: Caller,
  ): Outcome {
    const body = readJsonBody(ctx, request, policy) ?? {};
    checkBody(ctx, operation, body);
    const machine = ctx.state.machines.get(caller.tenantId, request.params.machineId);
    if (!machine)
      throw new WireError('ResourceNotFound', `Machine ${request.params.machineId} was not found.`);

    const nowMs = ctx.clock.now();
    const active = ctx.state.actions
      .list(caller.tenantId)
      .find(
        (action) =>
          action.machineId?.toLowerCase() === machine.id.toLowerCase() &&
          action.type === type &&
          (isActive(settle(action, nowMs)) ||
            blocking.includes(action.status) ||
            ctx.state.actions.stillBlocking.has(action.id.toLowerCase())),
      );
    if (active) {
      // docs/contract.md#duplicate-create: refused as the profile reads it, or answered with the
      // existing action. A final action the store policy still counts as blocking is always refused.
      const duplicate = ctx.profile.answers.duplicateCreate;
      if ('existing' in duplicate && isActive(active)) return { kind: 'existing', action: active };
      if (
        ctx.faults.store.heldDeviceAnswersHolder &&
        ctx.state.actions.stillBlocking.has(active.id.toLowerCase())
      )
        return { kind: 'existing', action: active };
      const detail = `Action is already in progress (${type} on ${machine.id}).`;
      throw 'status' in duplicate
        ? refusal(duplicate, detail)
        : new WireError('ActiveRequestAlreadyExists', detail);
    }

    const action = ctx.state.actions.add(
      newMachineAction({
        tenantId: caller.tenantId,
        type,
        status: 'Pending',
        machineId: machine.id,
        computerDnsName: machine.computerDnsName,
        // For app tokens the service shows the app id as requestor (docs/contract.md#machine-action-fields).
        requestor: caller.appId,
        requestorComment: body['Comment'] as string,
        scope: scopeOf(type, body),
        relatedFileInfo: fileOf(type, body),
        nowMs,
        progress: progressFrom(nowMs, ctx.options.lifecycle),
      }),
    );
    // The store policy may hand the new action a cancel kept for its device and type: its 201 shows it
    // as created, the stored action is Cancelled.
    const key = deviceTypeKey(caller.tenantId, machine.id, type);
    const carried = ctx.state.actions.carriedCancels.get(key);
    if (!carried) return { kind: 'created', action };
    ctx.state.actions.carriedCancels.delete(key);
    const shown = { ...action };
    applyCancel(action, { ...carried, atMs: nowMs });
    return { kind: 'created', action: shown };
  };
}

// The contract's request schema decides; a missing required key is MissingRequiredParameter.
function checkBody(ctx: EmulatorContext, operation: Operation, body: Record<string, unknown>): void {
  const result = ctx.contract.validateRequest(operation.operationId, body);
  if (result.valid) return;
  const missing = result.violations.find((v) => v.expected.startsWith('property "'));
  if (missing)
    throw new WireError(
      'MissingRequiredParameter',
      `Parameter ${missing.expected.split('"')[1]} is missing.`,
    );
  const first = result.violations[0]!;
  throw new WireError(
    'InvalidRequestBody',
    `Request body is incorrect at ${first.path}: expected ${first.expected}.`,
  );
}

function scopeOf(type: ActionType, body: Record<string, unknown>): string | null {
  if (type === 'RunAntiVirusScan') return body['ScanType'] as string;
  if (type === 'Isolate') return (body['IsolationType'] as string | undefined) ?? 'Full';
  return null;
}

function fileOf(type: ActionType, body: Record<string, unknown>): RelatedFileInfo | null {
  if (type !== 'StopAndQuarantineFile') return null;
  return { fileIdentifier: body['Sha1'] as string, fileIdentifierType: 'Sha1' };
}
