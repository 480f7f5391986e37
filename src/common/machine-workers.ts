import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  memoryBytes: number;
}

// The cores and memory this process may use. A container's limits count, not the host's: os.totalmem()
// reads the host's memory, and Node 20's libuv ignores a cgroup CPU quota (Kubernetes' `limits.cpu`,
// Docker's --cpus), so a 2-CPU pod on a 64-core host would have started 64 workers.
export function thisMachine(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): Machine {
  const quota = cgroupCpus(read);
  const constrained = process.constrainedMemory?.() ?? 0;
  return {
    cores: Math.min(availableParallelism(), quota ?? Number.POSITIVE_INFINITY),
    memoryBytes: constrained > 0 && constrained < totalmem() ? constrained : totalmem(),
  };
}

// The CPUs a cgroup's quota allows, whole ones (at least 1); undefined where there is no quota or no
// cgroup file to read (not Linux, or no CPU controller).
export function cgroupCpus(read: (path: string) => string): number | undefined {
  const v2 = attempt(() => read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/));
  if (v2) return cpusOf(v2[0], v2[1]);
  const quota = attempt(() => read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us').trim());
  const period = attempt(() => read('/sys/fs/cgroup/cpu/cpu.cfs_period_us').trim());
  return cpusOf(quota, period);
}

function cpusOf(quota: string | undefined, period: string | undefined): number | undefined {
  const q = Number(quota);
  const p = Number(period);
  if (!quota || quota === 'max' || !Number.isFinite(q) || q <= 0 || !(p > 0)) return undefined;
  return Math.max(1, Math.floor(q / p));
}

function attempt<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

// Workers for a CPU-bound Playwright run of the project's own (the self-test matrix, the unit tests):
// one a core, at most one a GiB of memory, never none. Measured on 2 cores, where a third worker was
// slower and four cost 11-25 % more CPU in all than two (docs/speed.md#on-more-cores).
export function machineWorkers(machine: Machine = thisMachine()): number {
  return Math.max(1, Math.min(machine.cores, Math.floor(machine.memoryBytes / 2 ** 30)));
}
