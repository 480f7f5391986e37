import { availableParallelism, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  memoryBytes: number;
}

export function thisMachine(): Machine {
  return { cores: availableParallelism(), memoryBytes: totalmem() };
}

// Workers for a CPU-bound Playwright run of the project's own (the self-test matrix, the unit tests):
// one a core, at most one a GiB of memory, never none. Measured on 2 cores, where a third worker was
// slower and four cost 11-25 % more CPU in all than two (docs/speed.md, "On more cores").
export function machineWorkers(machine: Machine = thisMachine()): number {
  return Math.max(1, Math.min(machine.cores, Math.floor(machine.memoryBytes / 2 ** 30)));
}
