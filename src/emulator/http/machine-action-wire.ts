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
  // Built key by key (no spread): this runs on every answer and is the emulator's hottest code.
  const wire: WireMachineAction = {};
  if (context !== undefined) wire['@odata.context'] = context;
  wire['id'] = action.id;
  wire['type'] = action.type;
  wire['title'] = action.title;
  wire['requestor'] = action.requestor;
  wire['requestorComment'] = action.requestorComment;
  wire['status'] = action.status;
  wire['machineId'] = action.machineId;
  wire['computerDnsName'] = action.computerDnsName;
  wire['creationDateTimeUtc'] = toWireTimestamp(action.creationMs);
  wire['lastUpdateDateTimeUtc'] = lastUpdate;
  wire['cancellationRequestor'] = action.cancellationRequestor;
  wire['cancellationComment'] = action.cancellationComment;
  wire['cancellationDateTimeUtc'] =
    action.cancellationMs === null ? null : toWireTimestamp(action.cancellationMs);
  wire['errorHResult'] = action.errorHResult;
  wire['scope'] = action.scope;
  wire['externalId'] = action.externalId;
  wire['requestSource'] = action.requestSource;
  wire['relatedFileInfo'] = action.relatedFileInfo;
  wire['commands'] = [];
  wire['troubleshootInfo'] = null;
  return wire;
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
