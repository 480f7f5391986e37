import { AppRegistry } from './app-registry.ts';
import { MachineActionStore } from './machine-action-store.ts';
import { MachineRegistry } from './machine-registry.ts';

// Everything POST /_emulator/reset clears. The clock and the signing key survive a reset.
export class EmulatorState {
  readonly apps = new AppRegistry();
  readonly machines = new MachineRegistry();
  readonly actions: MachineActionStore;

  constructor(maxActionsPerTenant: number) {
    this.actions = new MachineActionStore(maxActionsPerTenant);
  }

  clear(): void {
    this.apps.clear();
    this.machines.clear();
    this.actions.clear();
  }
}
