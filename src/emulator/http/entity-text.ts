import type { FastifyRequest } from 'fastify';
import type { Readings } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import type { MachineAction } from '../state/machine-action.ts';
import { odataContext, toWire } from './machine-action-wire.ts';

// The JSON text of an entity answer. Serializing an entity is the dearest step of a GET, and clients
// poll the same action again and again: the text is kept per action and sent again while every field
// the wire shows, the '@odata.context' and the profile are what they were when it was made. Only for
// answers no answer fault can rewrite (http/render-answer.ts decides).

// Every field of a MachineAction that toWire() reads (machine-action-wire.ts).
const SHOWN = [
  'id',
  'type',
  'title',
  'requestor',
  'requestorComment',
  'status',
  'machineId',
  'computerDnsName',
  'creationMs',
  'lastUpdateMs',
  'cancellationRequestor',
  'cancellationComment',
  'cancellationMs',
  'errorHResult',
  'scope',
  'externalId',
  'requestSource',
  'relatedFileInfo',
] as const satisfies readonly (keyof MachineAction)[];

interface KeptText {
  // The values of SHOWN when the text was made, in that order.
  values: unknown[];
  context: string | undefined;
  readings: Readings;
  text: string;
}

const kept = new WeakMap<MachineAction, KeptText>();

export function entityText(ctx: EmulatorContext, request: FastifyRequest, action: MachineAction): string {
  const context = odataContext(ctx, request, 'MachineActions/$entity');
  const readings = ctx.profile.readings;
  const known = kept.get(action);
  if (known && known.context === context && known.readings === readings && unchanged(known.values, action))
    return known.text;
  const text = JSON.stringify(toWire(ctx, action, context));
  kept.set(action, { values: SHOWN.map((field) => action[field]), context, readings, text });
  return text;
}

function unchanged(values: unknown[], action: MachineAction): boolean {
  for (let i = 0; i < SHOWN.length; i++) if (values[i] !== action[SHOWN[i]!]) return false;
  return true;
}
