import type { FastifyRequest } from 'fastify';
import { toUsDateTime, toWireTimestamp } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import type { MachineAction } from '../state/machine-action.ts';

export type WireMachineAction = Record<string, unknown>;

// The 21 keys of a real MachineAction, in the order the service writes them (mde-contract 3.2).
export function toWire(ctx: EmulatorContext, action: MachineAction, context?: string): WireMachineAction {
  const lastUpdate = ctx.faults.has('date-not-rfc3339')
    ? toUsDateTime(action.lastUpdateMs)
    : toWireTimestamp(action.lastUpdateMs);
  return {
    ...(context === undefined ? {} : { '@odata.context': context }),
    id: action.id,
    type: action.type,
    title: action.title,
    requestor: action.requestor,
    requestorComment: action.requestorComment,
    status: action.status,
    machineId: action.machineId,
    computerDnsName: action.computerDnsName,
    creationDateTimeUtc: toWireTimestamp(action.creationMs),
    lastUpdateDateTimeUtc: lastUpdate,
    cancellationRequestor: action.cancellationRequestor,
    cancellationComment: action.cancellationComment,
    cancellationDateTimeUtc: action.cancellationMs === null ? null : toWireTimestamp(action.cancellationMs),
    errorHResult: action.errorHResult,
    scope: action.scope,
    externalId: action.externalId,
    requestSource: action.requestSource,
    relatedFileInfo: action.relatedFileInfo,
    commands: [],
    troubleshootInfo: null,
  };
}

// '@odata.context' echoes the host the caller used, as the real service does; the profile may omit it.
export function odataContext(
  ctx: EmulatorContext,
  request: FastifyRequest,
  fragment: 'MachineActions' | 'MachineActions/$entity',
): string | undefined {
  if (!ctx.profile.odataContext) return undefined;
  return `${request.protocol}://${request.host}/api/$metadata#${fragment}`;
}

export function entityWire(ctx: EmulatorContext, request: FastifyRequest, action: MachineAction) {
  return toWire(ctx, action, odataContext(ctx, request, 'MachineActions/$entity'));
}
