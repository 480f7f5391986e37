import type { ControlActionSeed } from '../../contract/index.ts';
import type { EmulatorState } from './emulator-state.ts';
import { problemLines } from './input-problems.ts';
import type { ActionType, MachineAction } from './machine-action.ts';
import { newMachineAction } from './machine-action.ts';
import { readSeedDocument, type Seed } from './seed-document.ts';

// Loading the `seed` option (and the control protocol's seeded actions) into the state. The input is
// checked by the readers of app-input.ts, machine-input.ts and action-input.ts.

export type { Seed };

// A seed that cannot be loaded; `problems` holds one line per problem, each with its JSON path.
export class SeedInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problemLines([...problems]).join(' '));
    this.name = 'SeedInputError';
  }
}

// A seeded action keeps its status until an API call changes it (no lifecycle progress).
export function seedAction(state: EmulatorState, seed: ControlActionSeed, nowMs: number): MachineAction {
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

// Checks the whole seed first, so a bad one changes nothing and names every problem.
export function applySeed(state: EmulatorState, input: Seed, nowMs: number): void {
  const { seed, problems } = readSeedDocument(input);
  if (problems.length > 0) throw new SeedInputError(problems);
  for (const app of seed.apps ?? []) state.apps.register(app);
  for (const machine of seed.machines ?? []) state.machines.register(machine);
  for (const action of seed.actions ?? []) seedAction(state, action, nowMs);
}
