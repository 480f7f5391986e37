import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { entityWire } from '../http/machine-action-wire.ts';
import { checkWellFormed, findAction, notFound, unknownEverywhere } from './action-lookup.ts';
import { madeUp } from './cancel.ts';

// GET /api/machineactions/{id}
export function getHandler(ctx: EmulatorContext) {
  return async function get(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const { id } = request.params;
    checkWellFormed(ctx, id);
    const action = findAction(ctx, request.caller!, id, ctx.faults.has('tenant-leak-get'));
    if (action) return reply.send(entityWire(ctx, request, action));
    if (ctx.faults.has('get-unknown-200') && unknownEverywhere(ctx, id))
      return reply.send(entityWire(ctx, request, madeUp(ctx, id, 'Pending')));
    throw notFound(ctx, id);
  };
}
