import { type ControlActionSeed, type ControlMachine, STATUSES } from '../../contract/index.ts';
import { CredentialInputError, certificatePem, federatedCredentials } from '../identity/credential-input.ts';
import type { AppRegistration } from './app-registry.ts';
import type { EmulatorState } from './emulator-state.ts';
import { ACTION_TYPES, type ActionType, type MachineAction, newMachineAction } from './machine-action.ts';
import type { Machine } from './machine-registry.ts';

// Input of the control protocol (docs/interfaces.md#control-protocol) and of the `seed` option: checked here once,
// with messages that say what to fix.

export type ActionSeed = ControlActionSeed;

export interface Seed {
  apps?: AppRegistration[];
  machines?: ControlMachine[];
  actions?: ActionSeed[];
}

export class SeedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedInputError';
  }
}

export function parseApp(input: unknown): AppRegistration {
  const body = object(input, 'app');
  const roles = body['roles'];
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string'))
    throw new SeedInputError('roles must be an array of role names (strings), e.g. ["Machine.Scan"].');
  const app: AppRegistration = {
    tenantId: text(body, 'tenantId').toLowerCase(),
    clientId: text(body, 'clientId'),
    roles: roles as string[],
  };
  const secret = optionalText(body, 'clientSecret');
  if (secret) app.clientSecret = secret;
  try {
    if (body['certificate'] !== undefined) app.certificate = certificatePem(body['certificate']);
    if (body['federatedCredentials'] !== undefined)
      app.federatedCredentials = federatedCredentials(body['federatedCredentials']);
  } catch (error) {
    if (error instanceof CredentialInputError) throw new SeedInputError(error.message);
    throw error;
  }
  if (!app.clientSecret && !app.certificate && !app.federatedCredentials)
    throw new SeedInputError(
      'An app needs a credential: clientSecret, certificate (PEM) or federatedCredentials, or several.',
    );
  return app;
}

export function parseMachine(input: unknown): Machine {
  const body = object(input, 'machine');
  const dns = body['computerDnsName'];
  if (dns !== undefined && dns !== null && typeof dns !== 'string')
    throw new SeedInputError('computerDnsName must be a string.');
  return {
    tenantId: text(body, 'tenantId').toLowerCase(),
    id: text(body, 'id'),
    computerDnsName: dns ?? null,
  };
}

export function parseAction(input: unknown): ActionSeed {
  const body = object(input, 'machine action');
  const type = text(body, 'type');
  if (!(ACTION_TYPES as readonly string[]).includes(type))
    throw new SeedInputError(`type must be one of ${ACTION_TYPES.join(', ')} (got "${type}").`);
  const status = text(body, 'status');
  if (!(STATUSES as readonly string[]).includes(status))
    throw new SeedInputError(`status must be one of ${STATUSES.join(', ')} (got "${status}").`);
  return {
    tenantId: text(body, 'tenantId').toLowerCase(),
    machineId: text(body, 'machineId'),
    type,
    status,
    requestor: optionalText(body, 'requestor'),
    requestorComment: optionalText(body, 'requestorComment'),
    scope: optionalText(body, 'scope'),
  };
}

// A seeded action keeps its status until an API call changes it (no lifecycle progress).
export function seedAction(state: EmulatorState, seed: ActionSeed, nowMs: number): MachineAction {
  const machine = state.machines.get(seed.tenantId, seed.machineId);
  const action = newMachineAction({
    tenantId: seed.tenantId,
    type: seed.type as ActionType,
    status: seed.status as MachineAction['status'],
    machineId: seed.machineId,
    computerDnsName: machine?.computerDnsName ?? null,
    requestor: seed.requestor ?? 'analyst@contoso.example',
    requestorComment: seed.requestorComment ?? null,
    scope: seed.scope ?? null,
    nowMs,
  });
  // A seeded Cancelled action looks like one cancelled when it was created.
  if (action.status === 'Cancelled') {
    action.cancellationRequestor = action.requestor;
    action.cancellationMs = nowMs;
  }
  return state.actions.add(action);
}

export function applySeed(state: EmulatorState, seed: Seed, nowMs: number): void {
  for (const app of seed.apps ?? []) state.apps.register(parseApp(app));
  for (const machine of seed.machines ?? []) state.machines.register(parseMachine(machine));
  for (const action of seed.actions ?? []) seedAction(state, parseAction(action), nowMs);
}

function object(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new SeedInputError(`The body must be a JSON object describing the ${what}.`);
  return input as Record<string, unknown>;
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new SeedInputError(`${name} must be a non-empty string.`);
  return value;
}

function optionalText(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SeedInputError(`${name} must be a string when given.`);
  return value;
}
