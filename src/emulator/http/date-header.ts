import type { FastifyInstance } from 'fastify';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';

// Every answer carries the virtual time in Date (the current second, truncated); the request keeps the
// instant in milliseconds, so that everything it decides (rate windows, Retry-After) reads one time.
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
