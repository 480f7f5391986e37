import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { Answer, Exchange } from './answer.ts';
import { renderAnswer } from './render-answer.ts';
import { actOnWire } from './wire-acts.ts';

// The one way an API answer leaves: rendered by the answer seam, then handed to the wire, where a wire
// fault may lose it.
export function sendAnswer(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  exchange: Exchange,
): FastifyReply {
  const answer = renderAnswer(ctx, request, exchange);
  const payload = JSON.stringify(answer.body);
  const act = ctx.faults.wireAct(exchange);
  if (act) return actOnWire(act, request, reply, answer, payload);
  return send(reply, answer, payload);
}

// Sent as bytes: Fastify would rewrite the Content-Type of a string (docs/contract.md#json-media-type
// is exact, parameters and all).
export function send(
  reply: FastifyReply,
  answer: Answer,
  payload = JSON.stringify(answer.body),
): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(Buffer.from(payload));
}
