import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';

// The real service labels JSON with OData parameters (mde-contract 9); profile odataContentType.
const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';

// Every answer carries the virtual time in Date; the request keeps it for an HTTP-date Retry-After.
export function installDateHeader(app: FastifyInstance, ctx: EmulatorContext): void {
  let second = Number.NaN;
  let text = '';
  app.addHook('onRequest', (request, reply, done) => {
    request.receivedAtMs = ctx.clock.now();
    const now = Math.floor(request.receivedAtMs / 1000);
    if (now !== second) {
      second = now;
      text = toHttpDate(now * 1000);
    }
    reply.header('date', text);
    done();
  });
}

type OnSend = (
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: null, p: unknown) => void,
) => void;

// onSend hook of the API routes when their JSON needs another Content-Type (profile or fault);
// undefined when application/json; charset=utf-8 is right.
export function apiContentType(ctx: EmulatorContext): OnSend | undefined {
  const replacement = ctx.faults.has('response-text-plain')
    ? 'text/plain; charset=utf-8'
    : ctx.profile.odataContentType
      ? ODATA_JSON
      : undefined;
  if (!replacement) return undefined;
  return (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', replacement);
      if (replacement === ODATA_JSON) reply.header('odata-version', '4.0');
    }
    done(null, payload);
  };
}
