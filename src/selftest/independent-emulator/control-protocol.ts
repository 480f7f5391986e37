import type { IncomingMessage } from 'node:http';
import type { Answer } from './answer.ts';
import { apiError } from './api-error.ts';
import { type EmulatorContext, originOf } from './emulator-context.ts';
import { newAction, renderAction } from './machine-action.ts';
import { ACTION_TYPES, type ActionStatus, STATUSES } from './tenant-store.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

class BadInput extends Error {}

// The emulator control protocol (docs/interfaces.md#control-protocol): no authentication, JSON in and
// out, bad input a 400 envelope naming the field.
export function controlAnswer(ctx: EmulatorContext, req: IncomingMessage, path: string, raw: Buffer): Answer {
  try {
    return dispatch(ctx, req, path, raw);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    return apiError(ctx.variant, ctx.clock.nowMs(), { status: 400, code: 'BadRequest' }, error.message);
  }
}

function dispatch(ctx: EmulatorContext, req: IncomingMessage, path: string, raw: Buffer): Answer {
  const { clock, store } = ctx;
  const route = `${req.method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'POST /_emulator/reset':
      // A fresh start; the clock never goes back (docs/interfaces.md#virtual-clock).
      store.reset();
      ctx.limiter.reset();
      return { status: 204 };
    case 'GET /_emulator/clock':
      return json(200, { now: clock.now().toISOString() });
    case 'POST /_emulator/clock/advance': {
      const seconds = objectOf(raw).seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)
        throw new BadInput('seconds must be a number above 0, e.g. {"seconds": 60}');
      return json(200, { now: clock.advance(seconds).toISOString() });
    }
    case 'POST /_emulator/apps': {
      const body = objectOf(raw);
      const tenantId = text(body, 'tenantId');
      const clientId = text(body, 'clientId');
      // Certificates and federated credentials are not served here: only the secret flow.
      if (typeof body.clientSecret !== 'string' && (body.certificate || body.federatedCredentials))
        throw new BadInput('clientSecret is required: this emulator signs apps in with a secret only');
      const clientSecret = text(body, 'clientSecret');
      const roles = body.roles;
      if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string'))
        throw new BadInput('roles must be an array of role names, e.g. ["Machine.Scan"]');
      store.open(tenantId).apps.set(clientId.toLowerCase(), { clientId, clientSecret, roles });
      return json(201, { tenantId, clientId, roles });
    }
    case 'POST /_emulator/machines': {
      const body = objectOf(raw);
      const machine = { id: text(body, 'id'), computerDnsName: text(body, 'computerDnsName') };
      store.open(text(body, 'tenantId')).machines.set(machine.id.toLowerCase(), machine);
      return json(201, machine);
    }
    case 'POST /_emulator/machineactions':
      return json(201, seedAction(ctx, req, objectOf(raw)));
    case 'GET /_emulator/info':
      return json(200, {
        name: 'independent-emulator',
        version: '1',
        profile: `independent-${ctx.variant.name}`,
        faults: [],
        rateLimits: true,
        control: true,
      });
    default:
      return apiError(
        ctx.variant,
        clock.nowMs(),
        { status: 404, code: 'NotFound' },
        `No control route ${route}`,
      );
  }
}

// A seeded action keeps its status until an API call changes it.
function seedAction(ctx: EmulatorContext, req: IncomingMessage, body: Record<string, unknown>) {
  const tenantId = text(body, 'tenantId');
  const machineId = text(body, 'machineId');
  const type = text(body, 'type');
  const status = text(body, 'status');
  if (!(ACTION_TYPES as readonly string[]).includes(type))
    throw new BadInput(`type must be one of ${ACTION_TYPES.join(', ')}`);
  if (!(STATUSES as readonly string[]).includes(status))
    throw new BadInput(`status must be one of ${STATUSES.join(', ')}`);
  const tenant = ctx.store.open(tenantId);
  const machine = tenant.machines.get(machineId.toLowerCase());
  if (!machine)
    throw new BadInput(`machineId names no machine of tenant ${tenantId}: POST /_emulator/machines first`);
  const action = newAction({
    type,
    status: status as ActionStatus,
    machine,
    requestor: optionalText(body, 'requestor') ?? 'seed@example.test',
    requestorComment: optionalText(body, 'requestorComment') ?? null,
    scope: optionalText(body, 'scope') ?? null,
    nowMs: ctx.clock.nowMs(),
  });
  tenant.actions.set(action.id, action);
  return renderAction(action, ctx.variant, originOf(req));
}

function json(status: number, body: unknown): Answer {
  return { status, json: body, contentType: JSON_TYPE };
}

function objectOf(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8') || 'null');
  } catch {
    throw new BadInput('the body is not valid JSON: send a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadInput('the body must be a JSON object');
  return value as Record<string, unknown>;
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new BadInput(`${name} must be a non-empty string`);
  return value;
}

function optionalText(body: Record<string, unknown>, name: string): string | undefined {
  if (body[name] === undefined) return undefined;
  return text(body, name);
}
