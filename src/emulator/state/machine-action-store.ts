import { isFinal } from '../../contract/index.ts';
import type { Cancellation } from './lifecycle.ts';
import type { MachineAction } from './machine-action.ts';

// The key of a cancellation carried to a device's next action of a type (carriedCancels).
export function deviceTypeKey(tenantId: string, machineId: string, type: string): string {
  return `${tenantId}|${machineId.toLowerCase()}|${type}`;
}

// All machine actions, by tenant. Memory is bounded: a tenant keeps at most `maxPerTenant` actions,
// and adding one more evicts its oldest final action (or, if none is final, its oldest action).
export class MachineActionStore {
  readonly #byTenant = new Map<string, Map<string, MachineAction>>();
  readonly #tenantOfId = new Map<string, string>();

  constructor(private readonly maxPerTenant: number) {}

  add(action: MachineAction): MachineAction {
    let actions = this.#byTenant.get(action.tenantId);
    if (!actions) {
      actions = new Map();
      this.#byTenant.set(action.tenantId, actions);
    }
    if (actions.size >= this.maxPerTenant) this.#evictOne(actions);
    actions.set(action.id, action);
    this.#tenantOfId.set(action.id, action.tenantId);
    return action;
  }

  // The action with this id in this tenant; ids are compared without case, as GUIDs are.
  get(tenantId: string, id: string): MachineAction | undefined {
    return this.#byTenant.get(tenantId)?.get(id.toLowerCase());
  }

  // Whatever tenant holds it; for faults and for telling "unknown" from "someone else's".
  findAnywhere(id: string): MachineAction | undefined {
    const tenantId = this.#tenantOfId.get(id.toLowerCase());
    return tenantId === undefined ? undefined : this.get(tenantId, id);
  }

  // Cancelled actions that still block their device: only a store fault marks any.
  readonly stillBlocking = new Set<string>();

  // Cancellations kept for the next action of a device and type: only a store fault keeps any.
  readonly carriedCancels = new Map<string, Cancellation>();

  // Devices (by tenant, device and type) a cancel has freed once: only a store fault reads them.
  readonly releasedDevices = new Set<string>();

  // Cancels (by tenant and id) refused for their body: only a store fault remembers any.
  readonly refusedBodyCancels = new Set<string>();

  // Tenants holding actions; only a fault's list reads across them.
  tenants(): string[] {
    return [...this.#byTenant.keys()];
  }

  list(tenantId: string): MachineAction[] {
    return [...(this.#byTenant.get(tenantId)?.values() ?? [])];
  }

  clear(): void {
    this.stillBlocking.clear();
    this.carriedCancels.clear();
    this.releasedDevices.clear();
    this.refusedBodyCancels.clear();
    this.#byTenant.clear();
    this.#tenantOfId.clear();
  }

  #evictOne(actions: Map<string, MachineAction>): void {
    let victim: MachineAction | undefined;
    for (const action of actions.values()) {
      if (isFinal(action.status)) {
        victim = action;
        break;
      }
      victim ??= action;
    }
    if (!victim) return;
    actions.delete(victim.id);
    this.#tenantOfId.delete(victim.id);
    this.stillBlocking.delete(victim.id.toLowerCase());
  }
}
