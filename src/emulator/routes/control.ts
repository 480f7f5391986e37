import type { FastifyInstance } from 'fastify';
import { withoutBom } from '../../common/user-json.ts';
import { toRfc3339 } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { entityWire } from '../http/machine-action-wire.ts';
import { readAction } from '../state/action-input.ts';
import { readApp } from '../state/app-input.ts';
import { objectAt, type Problems, problemLines } from '../state/input-problems.ts';
import { readMachine } from '../state/machine-input.ts';
import { applySeed, seedAction } from '../state/seed.ts';
import { advanceSeconds } from './clock-advance.ts';

// The emulator control protocol (docs/interfaces.md#control-protocol): JSON in and out, no
// authentication.
// Registered only when the control option is on; otherwise /_emulator/* answers 404.
export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/_emulator/reset', async (request, reply) => {
    // It takes no member: a reset of one tenant (`{"tenantId": ...}`) would otherwise wipe them all.
    checked(resetInput, request.body);
    ctx.state.clear();
    ctx.limiter.clear();
    applySeed(ctx.state, ctx.options.seed, ctx.clock.now());
    return reply.code(204).send();
  });

  app.get('/_emulator/clock', async () => ({ now: toRfc3339(ctx.clock.now()) }));

  app.post('/_emulator/clock/advance', async (request) => {
    const seconds = advanceSeconds(jsonBody(request.body), ctx.clock.now());
    return { now: toRfc3339(ctx.clock.advance(seconds)) };
  });

  app.post('/_emulator/apps', async (request, reply) => {
    const registered = ctx.state.apps.register(checked(readApp, request.body));
    // The secret is the caller's own; it is not echoed back.
    return reply
      .code(201)
      .send({ tenantId: registered.tenantId, clientId: registered.clientId, roles: registered.roles });
  });

  app.post('/_emulator/machines', async (request, reply) => {
    return reply.code(201).send(ctx.state.machines.register(checked(readMachine, request.body)));
  });

  app.post('/_emulator/machineactions', async (request, reply) => {
    const seed = checked(readAction, request.body);
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

// A reset's body: none, or an object without members.
function resetInput(input: unknown, problems: Problems): true | undefined {
  const body = objectAt(input, '', 'the reset, {} or no body', problems);
  for (const name of Object.keys(body ?? {}))
    problems.push(
      `${name} is not a member here: a reset takes none and clears every tenant; send no body or {}.`,
    );
  return body ? true : undefined;
}

// Read as a --seed file is (src/emulator/cli/seed-file.ts): a UTF-8 byte order mark, which Windows editors write and
// `curl -d @file` sends, is skipped.
function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.length === 0) return {};
  try {
    return JSON.parse(withoutBom(body));
  } catch {
    throw new WireError('InvalidRequestBody', 'The body is not valid JSON.');
  }
}

// The body read by one of the control protocol's readers; every problem it names goes into one 400.
function checked<T>(read: (input: unknown, problems: Problems) => T | undefined, body: unknown): T {
  const problems: Problems = [];
  const value = read(jsonBody(body), problems);
  if (value === undefined || problems.length > 0)
    throw new WireError('InvalidInput', problemLines(problems).join(' ') || 'The body is not valid input.');
  return value;
}
