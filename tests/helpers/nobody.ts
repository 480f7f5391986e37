import { spawnSync } from 'node:child_process';

// Tests that need an unprivileged user run their child as nobody when the suite runs as root (as root
// every file is writable and every priority may be raised).
export const NOBODY = 65534;
export const asRoot = process.getuid?.() === 0;

// As root in a checkout others may not enter (/root), nobody cannot load the project: such a check has
// no unprivileged user to run as.
export function nobodyCanRead(file: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(file)})`], {
    uid: NOBODY,
    gid: NOBODY,
  });
  return probe.status === 0;
}
