import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';

// The real service labels JSON with OData parameters (mde-contract 9); profile odataContentType.
const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';

// Stamps every answer with the virtual time in Date (and records it for Retry-After dates).
export function installDateHeader(app: FastifyInstance, ctx: EmulatorContext): void {
  let second = Number.NaN;
  let text = '';
  app.addHook('onRequest', (request, _reply, done) => {
    request.receivedAtMs = ctx.clock.now();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const now = Math.floor(request.receivedAtMs / 1000);
    if (now !== second) {
      second = now;
      text = toHttpDate(now * 1000);
    }
    reply.header('date', text);
    done(null, payload);
  });
}

// onSend hook of the API routes: their JSON answers' Content-Type, per profile and fault.
export function apiContentType(ctx: EmulatorContext) {
  const textPlain = ctx.faults.has('response-text-plain');
  const odata = ctx.profile.odataContentType;
  return (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: null, p: unknown) => void,
  ) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) {
      if (textPlain) reply.header('content-type', 'text/plain; charset=utf-8');
      else if (odata) reply.header('content-type', ODATA_JSON).header('odata-version', '4.0');
    }
    done(null, payload);
  };
}
