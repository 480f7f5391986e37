import type { FastifyRequest } from 'fastify';
import { toWireTimestamp } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import type { MachineAction } from '../state/machine-action.ts';
import { addEntityExtras } from './extra-members.ts';

export type WireMachineAction = Record<string, unknown>;

// The 21 keys of a real MachineAction, in the order the service writes them
// (docs/contract.md#machine-action-fields), then the profile's extra members.
export function toWire(ctx: EmulatorContext, action: MachineAction, context?: string): WireMachineAction {
  const digits = ctx.profile.readings['timestamp-precision'];
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
  wire['creationDateTimeUtc'] = toWireTimestamp(action.creationMs, digits);
  wire['lastUpdateDateTimeUtc'] = toWireTimestamp(action.lastUpdateMs, digits);
  wire['cancellationRequestor'] = action.cancellationRequestor;
  wire['cancellationComment'] = action.cancellationComment;
  wire['cancellationDateTimeUtc'] =
    action.cancellationMs === null ? null : toWireTimestamp(action.cancellationMs, digits);
  wire['errorHResult'] = action.errorHResult;
  wire['scope'] = action.scope;
  wire['externalId'] = action.externalId;
  wire['requestSource'] = action.requestSource;
  wire['relatedFileInfo'] = action.relatedFileInfo;
  wire['commands'] = [];
  wire['troubleshootInfo'] = null;
  const extras = ctx.profile.readings['extra-members'].entity;
  if (extras.length > 0) addEntityExtras(wire, extras, action);
  return wire;
}

// '@odata.context' echoes the host the caller used, as the real service does; the profile may omit it
// (docs/contract.md#odata-context).
export function odataContext(
  ctx: EmulatorContext,
  request: FastifyRequest,
  fragment: 'MachineActions' | 'MachineActions/$entity',
): string | undefined {
  if (!ctx.profile.readings['odata-context']) return undefined;
  return `${request.protocol}://${request.host}/api/$metadata#${fragment}`;
}

export function entityWire(ctx: EmulatorContext, request: FastifyRequest, action: MachineAction) {
  return toWire(ctx, action, odataContext(ctx, request, 'MachineActions/$entity'));
}
