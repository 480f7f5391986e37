import { cgroupCpus, machineWorkers, thisMachine } from '../../src/common/machine-workers.ts';
import { expect, test } from '../helpers/api-test.ts';

const files = (found: Record<string, string>) => (path: string) => {
  if (path in found) return found[path]!;
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

// A 2-CPU pod on a many-core host: Node 20's os.availableParallelism() reads the host's cores.
test("a cgroup's CPU quota counts in whole CPUs, v2 and v1 alike; none where there is no quota", () => {
  expect(cgroupCpus(files({ '/sys/fs/cgroup/cpu.max': '200000 100000\n' }))).toBe(2);
  expect(cgroupCpus(files({ '/sys/fs/cgroup/cpu.max': '150000 100000' }))).toBe(1);
  expect(cgroupCpus(files({ '/sys/fs/cgroup/cpu.max': '50000 100000' }))).toBe(1);
  expect(cgroupCpus(files({ '/sys/fs/cgroup/cpu.max': 'max 100000' }))).toBeUndefined();
  expect(
    cgroupCpus(
      files({
        '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '400000',
        '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000',
      }),
    ),
  ).toBe(4);
  expect(
    cgroupCpus(
      files({
        '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1',
        '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000',
      }),
    ),
  ).toBeUndefined();
  expect(cgroupCpus(files({}))).toBeUndefined();
});

test('the machine has no more cores than its quota allows, and workers follow cores and memory', () => {
  const quota = thisMachine(files({ '/sys/fs/cgroup/cpu.max': '100000 100000' }));
  expect(quota.cores).toBe(1);
  expect(thisMachine(files({})).cores).toBeGreaterThanOrEqual(1);
  expect(machineWorkers({ cores: 8, memoryBytes: 3.5 * 2 ** 30 })).toBe(3);
  expect(machineWorkers({ cores: 1, memoryBytes: 0 })).toBe(1);
});
