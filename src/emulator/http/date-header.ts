import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import { hostProblem } from './host-header.ts';

// Every answer carries the virtual time in Date (the current second, truncated); the request keeps the
// instant in milliseconds, so that everything it decides (rate windows, Retry-After) reads one time.
export function stampArrival(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply): void {
  request.receivedAtMs = ctx.clock.now();
  reply.header('date', httpDateAt(request.receivedAtMs));
}

// For the routes outside the API; the API routes stamp in their guard (auth/api-guard.ts), which saves
// every API call a hook of its own. Answers given before any hook (router errors) are dated when sent.
export function installDateHeader(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onRequest', (request, reply, done) => {
    stampArrival(ctx, request, reply);
    done(hostProblem(request));
  });
}

// One second's text, kept: most answers of a second share it.
let second = Number.NaN;
let text = '';
export function httpDateAt(ms: number): string {
  const now = Math.floor(ms / 1000);
  if (now !== second) {
    second = now;
    text = toHttpDate(now * 1000);
  }
  return text;
}
