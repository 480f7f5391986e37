import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { Answer, Exchange } from './answer.ts';
import { httpDateAt } from './date-header.ts';
import { frontDoorActs } from './front-door.ts';
import { renderAnswer } from './render-answer.ts';
import { actOnWire } from './wire-acts.ts';

// The one way an API answer leaves: rendered by the answer seam, then handed to the wire, where a wire
// fault may lose it.
export function sendAnswer(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  exchange: Exchange,
): void {
  const answer = renderAnswer(ctx, request, exchange);
  const payload = answer.text ?? JSON.stringify(answer.body);
  const act = ctx.faults.wireAct(exchange);
  if (act) actOnWire(act, request, reply, answer, payload);
  else send(ctx, reply, answer, payload);
}

// Written straight to the connection: status, the Date of the arrival (http/date-header.ts; the only
// header set before an answer), the answer's headers (docs/contract.md#json-media-type is exact,
// parameters and all, which Fastify would rewrite for a string) and the body with its length, in one
// write. Fastify's send pipeline only serves the front door's onSend hook (http/front-door.ts): it is
// used when that is on.
export function send(
  ctx: EmulatorContext,
  reply: FastifyReply,
  answer: Answer,
  payload = answer.text ?? JSON.stringify(answer.body),
): void {
  // Errors the router raises come before any hook: they are dated now.
  const date = (reply.getHeader('date') as string | undefined) ?? httpDateAt(ctx.clock.now());
  if (frontDoorActs(ctx.profile)) {
    reply.code(answer.status).header('date', date).headers(answer.headers).send(Buffer.from(payload));
    return;
  }
  reply.hijack();
  // A flat list of names and values, which Node reads without enumerating an object's keys; an answer's
  // own date replaces the arrival's, and the length is always the payload's, as in an object.
  const headers: (string | number)[] = ['date', date];
  let latin1 = false;
  for (const name in answer.headers) {
    const value = answer.headers[name]!;
    if (name === 'date') headers[1] = value;
    else if (name !== 'content-length') headers.push(name, value);
    latin1 ||= !isAscii(value);
  }
  headers.push('content-length', Buffer.byteLength(payload));
  reply.raw.writeHead(answer.status, headers as string[]);
  // With a string body Node writes the header block with it in UTF-8, and a Latin-1 header reading
  // ("é", docs/calibration.md#format) went out as two bytes a client reads as "Ã©": then as bytes. Only
  // then: a Buffer body costs the 4xx path about a fifth more CPU (npm run bench:emulator).
  reply.raw.end(latin1 ? Buffer.from(payload) : payload);
}

// A loop, not a pattern: a RegExp call per header cost more than the few characters it reads.
function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}
