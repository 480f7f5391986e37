import type { FastifyInstance } from 'fastify';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';

// The real service labels JSON with OData parameters (mde-contract 9); profile odataContentType.
const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';

// Stamps every answer with the virtual time in Date, and gives API answers their Content-Type.
export function installReplyFormat(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onRequest', (request, _reply, done) => {
    request.receivedAtMs = ctx.clock.now();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('date', toHttpDate(request.receivedAtMs));
    const isApi = request.routeOptions.config?.operationId !== undefined;
    const type = reply.getHeader('content-type');
    if (isApi && typeof type === 'string' && type.startsWith('application/json')) {
      if (ctx.faults.has('response-text-plain')) reply.header('content-type', 'text/plain; charset=utf-8');
      else if (ctx.profile.odataContentType)
        reply.header('content-type', ODATA_JSON).header('odata-version', '4.0');
    }
    done(null, payload);
  });
}
