// Devices per tenant. Only create operations need them (unknown device: 404 ResourceNotFound).
export interface Machine {
  tenantId: string;
  id: string;
  computerDnsName: string | null;
}

export class MachineRegistry {
  readonly #machines = new Map<string, Machine>();

  register(machine: Machine): Machine {
    this.#machines.set(key(machine.tenantId, machine.id), { ...machine });
    return machine;
  }

  get(tenantId: string, id: string): Machine | undefined {
    return this.#machines.get(key(tenantId, id));
  }

  clear(): void {
    this.#machines.clear();
  }
}

function key(tenantId: string, id: string): string {
  return `${tenantId.toLowerCase()}/${id.toLowerCase()}`;
}
