import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from './answer.ts';

// How a wire fault loses an exchange on the connection: reset it, leave it unanswered, or cut the body
// short of its declared length. Fastify steps aside (hijack); Fastify's forceCloseConnections ends the
// connections left open when the emulator closes.
export type WireAct = 'reset' | 'no-answer' | 'truncate';

export function actOnWire(
  act: WireAct,
  request: FastifyRequest,
  reply: FastifyReply,
  answer: Answer,
  payload: string,
): FastifyReply {
  reply.hijack();
  const socket = request.raw.socket;
  if (act === 'reset') {
    // An RST, not a FIN: the client sees ECONNRESET. (inject()'s fake socket has no RST.)
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
  } else if (act === 'truncate') {
    const bytes = Buffer.from(payload);
    // Headers set so far (Date) and the answer's, with a length the body will not reach.
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) reply.raw.setHeader(name, value);
    reply.raw.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length + 64) });
    reply.raw.write(bytes.subarray(0, bytes.length >> 1), () => socket.destroy());
  }
  // 'no-answer': nothing is written; the connection stays open until the client gives up.
  return reply;
}
