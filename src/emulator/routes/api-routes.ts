import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { Operation } from '../../contract/index.ts';
import { apiGuard } from '../auth/api-guard.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { sendWireError } from '../http/error-handler.ts';
import { apiContentType } from '../http/reply-format.ts';
import { cancelHandler } from './cancel.ts';
import { createHandler } from './create.ts';
import { getHandler } from './get.ts';
import { listHandler } from './list.ts';

// Serves each operation of the contract, under /api and under the versioned prefix /api/v1.0
// (mde-contract 1.1). The token operation has its own route (token.ts); any other operation the
// contract gains without a handler here is simply not served.
export function registerApiRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const operation of ctx.contract.operations) {
    const handler = handlerFor(ctx, operation);
    if (!handler) continue;
    const url = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const urls = [url];
    if (!ctx.faults.has('no-versioned-path'))
      urls.push(url.replace(/^\/api\//, `${ctx.contract.versionedPrefix}/`));
    const onRequest = apiGuard(ctx, operation);
    const onSend = apiContentType(ctx);
    const handle = answerWireErrors(ctx, handler);
    for (const path of urls)
      app.route({
        method: operation.method,
        url: path,
        onRequest,
        ...(onSend ? { onSend } : {}),
        handler: handle,
      });
  }
}

// Sends a WireError thrown by the handler straight away instead of through Fastify's error path.
function answerWireErrors(ctx: EmulatorContext, handler: RouteHandlerMethod): RouteHandlerMethod {
  return async function answer(this: FastifyInstance, request, reply) {
    try {
      return await handler.call(this, request, reply);
    } catch (error) {
      if (error instanceof WireError) return sendWireError(ctx, reply, error);
      throw error;
    }
  };
}

function handlerFor(ctx: EmulatorContext, operation: Operation): RouteHandlerMethod | undefined {
  if (operation.actionType) return createHandler(ctx, operation) as RouteHandlerMethod;
  switch (operation.operationId) {
    case 'CancelMachineAction':
      return cancelHandler(ctx) as RouteHandlerMethod;
    case 'GetMachineAction':
      return getHandler(ctx) as RouteHandlerMethod;
    case 'ListMachineActions':
      return listHandler(ctx) as RouteHandlerMethod;
    default:
      return undefined;
  }
}
