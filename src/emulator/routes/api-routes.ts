import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Operation } from '../../contract/index.ts';
import { apiGuard } from '../auth/api-guard.ts';
import type { Caller } from '../auth/caller.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { ApiRouteConfig } from '../http/error-handler.ts';
import { sendAnswer } from '../http/send-answer.ts';
import { cancelHandler } from './cancel.ts';
import { createHandler } from './create.ts';
import { getHandler } from './get.ts';
import { listHandler } from './list.ts';
import type { Outcome } from './outcome.ts';

// A handler says what an operation did; it never writes the answer (the answer seam does).
// biome-ignore lint/suspicious/noExplicitAny: each handler types its own params.
type Handler = (request: FastifyRequest<any>, caller: Caller) => Outcome;

// Serves each operation of the contract, under /api and, unless the route policy says otherwise, under
// the versioned prefix /api/v1.0 (docs/contract.md#versioning). The token operation has its own route
// (token.ts); any other operation the contract gains without a handler here is simply not served.
export function registerApiRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { versionedPath, versionedBare404, versionedStock404, versionedUnrouted403 } = ctx.faults.routes;
  if (!versionedPath && versionedBare404)
    app.all(`${ctx.contract.versionedPrefix}/*`, (_request, reply) => reply.code(404).send());
  else if (!versionedPath && versionedStock404)
    app.all(`${ctx.contract.versionedPrefix}/*`, (request, reply) =>
      reply
        .code(404)
        .type('application/json; charset=utf-8')
        .send({ Message: `No HTTP resource was found that matches the request URI '${request.url}'.` }),
    );
  else if (!versionedPath && versionedUnrouted403)
    app.all(`${ctx.contract.versionedPrefix}/*`, () => {
      throw new WireError('Forbidden', 'No route serves this path.');
    });
  for (const operation of ctx.contract.operations) {
    if (!handlerFor(ctx, operation, false)) continue;
    const url = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const variants = [{ url, versioned: false }];
    if (ctx.faults.routes.versionedPath)
      variants.push({ url: url.replace(/^\/api\//, `${ctx.contract.versionedPrefix}/`), versioned: true });
    for (const { url: path, versioned } of variants) {
      const config: ApiRouteConfig = { operationId: operation.operationId, versioned };
      app.route({
        method: operation.method,
        url: path,
        config,
        onRequest: apiGuard(ctx, operation, versioned),
        handler: serve(ctx, config, handlerFor(ctx, operation, versioned)!),
      });
    }
  }
}

// The route handler: the guard admitted the call; the operation runs; its outcome is answered — or,
// when the guard let a throttled call run first, the 429 is. Synchronous: an async handler costs a
// promise and a turn of the microtask queue on every call.
function serve(ctx: EmulatorContext, config: ApiRouteConfig, handle: Handler) {
  return function serveOperation(request: FastifyRequest, reply: FastifyReply): void {
    const { caller, lateRefusal } = request.admission!;
    let outcome: Outcome;
    try {
      outcome = handle(request, caller);
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      outcome = { kind: 'refused', error };
    }
    if (lateRefusal) outcome = { kind: 'refused', error: lateRefusal };
    sendAnswer(ctx, request, reply, {
      operationId: config.operationId,
      versioned: config.versioned,
      outcome,
      accept: request.headers.accept,
      url: request.url,
      tenantId: caller.tenantId,
      appId: caller.appId,
    });
  };
}

function handlerFor(ctx: EmulatorContext, operation: Operation, versioned: boolean): Handler | undefined {
  if (operation.actionType) return createHandler(ctx, operation);
  switch (operation.operationId) {
    case 'CancelMachineAction': {
      // The route policy may leave the versioned cancel on a stand-in whose change is never stored,
      // whose lookup crosses tenants, that keeps the device busy, or that reads its id or body its own way.
      const { versionedCancelStored, versionedCancelCrossTenant, versionedCancelBody } = ctx.faults.routes;
      if (!versioned) return cancelHandler(ctx);
      const store = ctx.faults.store;
      const storePolicy = {
        ...store,
        persistCancel: store.persistCancel && versionedCancelStored,
        everyCancelKeepsDevice: store.everyCancelKeepsDevice || ctx.faults.routes.versionedCancelKeepsDevice,
        cancelIdCutTo: ctx.faults.routes.versionedCancelIdCutTo ?? store.cancelIdCutTo,
        crossTenant: versionedCancelCrossTenant
          ? [...store.crossTenant, 'CancelMachineAction']
          : store.crossTenant,
      };
      const body = ctx.faults.body(operation.operationId);
      const alsoJson = [...body.alsoJson, ...(versionedCancelBody.alsoJson ?? [])];
      return cancelHandler(ctx, storePolicy, { ...body, ...versionedCancelBody, alsoJson });
    }
    case 'GetMachineAction':
      return getHandler(ctx);
    case 'ListMachineActions':
      return listHandler(
        ctx,
        versioned && ctx.faults.routes.versionedListCrossTenant,
        !versioned || ctx.faults.routes.versionedListQueryApplied,
        !versioned || ctx.faults.routes.versionedListFilterApplied,
      );
    default:
      return undefined;
  }
}
