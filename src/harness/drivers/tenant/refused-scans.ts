import { join } from 'node:path';
import { RunMemory } from '../run-memory.ts';
import { ScanConfigError } from './scan-config-error.ts';

// The first scan the tenant refused because of the configuration: every later test of the run gets
// the same answer without asking the tenant again, in any worker (the test that was told first fails,
// and Playwright replaces its worker); keyed by target (app, tenant, host, device), as a self-test
// runs two.
export const REFUSED_SCANS_FILE = 'refused-scans.json';

// Called once as a run starts: a refusal of an earlier run with the same MDE_RUN_ID must be asked
// again, as the user may have fixed what caused it.
export function forgetRefusedScans(resultsDir: string): void {
  RunMemory.forget(join(resultsDir, REFUSED_SCANS_FILE));
}

export class RefusedScans {
  private readonly memory: RunMemory<string>;

  constructor(file: string, runId: string, target: string) {
    this.memory = new RunMemory(file, runId, target);
  }

  get(): ScanConfigError | undefined {
    const message = this.memory.get('scan');
    return message === undefined ? undefined : new ScanConfigError(message, { remembered: true });
  }

  remember(error: ScanConfigError): void {
    this.memory.remember('scan', error.message);
  }
}
