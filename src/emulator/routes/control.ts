import type { FastifyInstance } from 'fastify';
import { toRfc3339 } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { entityWire } from '../http/machine-action-wire.ts';
import { applySeed, parseAction, parseApp, parseMachine, SeedInputError, seedAction } from '../state/seed.ts';

// The emulator control protocol (docs/interfaces.md#control-protocol): JSON in and out, no
// authentication.
// Registered only when the control option is on; otherwise /_emulator/* answers 404.
export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/_emulator/reset', async (_request, reply) => {
    ctx.state.clear();
    ctx.limiter.clear();
    applySeed(ctx.state, ctx.options.seed, ctx.clock.now());
    return reply.code(204).send();
  });

  app.get('/_emulator/clock', async () => ({ now: toRfc3339(ctx.clock.now()) }));

  app.post('/_emulator/clock/advance', async (request) => {
    const seconds = (jsonBody(request.body) as { seconds?: unknown }).seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)
      throw new WireError('InvalidInput', 'seconds must be a number > 0, e.g. {"seconds": 60}.');
    return { now: toRfc3339(ctx.clock.advance(seconds)) };
  });

  app.post('/_emulator/apps', async (request, reply) => {
    const registered = ctx.state.apps.register(parsed(() => parseApp(jsonBody(request.body))));
    // The secret is the caller's own; it is not echoed back.
    return reply
      .code(201)
      .send({ tenantId: registered.tenantId, clientId: registered.clientId, roles: registered.roles });
  });

  app.post('/_emulator/machines', async (request, reply) => {
    return reply
      .code(201)
      .send(ctx.state.machines.register(parsed(() => parseMachine(jsonBody(request.body)))));
  });

  app.post('/_emulator/machineactions', async (request, reply) => {
    const seed = parsed(() => parseAction(jsonBody(request.body)));
    return reply.code(201).send(entityWire(ctx, request, seedAction(ctx.state, seed, ctx.clock.now())));
  });

  // The effective readings of every open point, so a suite can say what it ran against.
  app.get('/_emulator/info', async () => ({
    name: 'mde-reference-emulator',
    version: ctx.version,
    profile: ctx.profile.name,
    ...(ctx.profile.file === undefined ? {} : { profileFile: ctx.profile.file }),
    readings: ctx.profile.readings,
    faults: ctx.faults.list(),
    rateLimits: ctx.options.rateLimits,
    control: ctx.options.control,
  }));
}

function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.length === 0) return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new WireError('InvalidRequestBody', 'The body is not valid JSON.');
  }
}

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SeedInputError) throw new WireError('InvalidInput', error.message);
    throw error;
  }
}
