import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { EmulatorProfile } from '../profiles/load-profile.ts';

// What a front door does to every answer, when the profile says so: a few milliseconds of real
// latency (timing.latencyMs), the connection closed after the response (docs/contract.md#connection)
// and the body sent chunked, without Content-Length (docs/contract.md#framing). Nothing is installed
// for a profile that needs none of it.
export function installFrontDoor(app: FastifyInstance, profile: EmulatorProfile): void {
  if (!frontDoorActs(profile)) return;
  const latencyMs = profile.latencyMs;
  const close = profile.readings.connection === 'close';
  const chunked = profile.readings.framing === 'chunked';
  app.addHook('onSend', async (_request, reply, payload) => {
    if (latencyMs > 0) await sleep(latencyMs);
    // Node ends the connection after a response that says Connection: close.
    if (close) reply.header('connection', 'close');
    // A stream has no length Fastify could declare, so Node sends it chunked.
    if (chunked && (typeof payload === 'string' || Buffer.isBuffer(payload)) && payload.length > 0) {
      reply.removeHeader('content-length');
      return Readable.from([Buffer.from(payload)]);
    }
    return payload;
  });
}

// Whether the profile has a front door at all; answers go through Fastify's onSend hooks only then
// (http/send-answer.ts).
export function frontDoorActs(profile: EmulatorProfile): boolean {
  const { connection, framing } = profile.readings;
  return profile.latencyMs > 0 || connection === 'close' || framing === 'chunked';
}
