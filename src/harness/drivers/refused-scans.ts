import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeWhole } from '../../contract/write-whole.ts';
import { ScanConfigError } from './scan-config-error.ts';

// The first scan the tenant refused because of the configuration: every later test of the run gets
// the same answer without asking the tenant again, in any worker (the test that was told first fails,
// and Playwright replaces its worker); keyed by target (app, tenant, host, device), as a self-test
// runs two.
export const REFUSED_SCANS_FILE = 'refused-scans.json';

// Called once as a run starts: a refusal of an earlier run with the same MDE_RUN_ID must be asked
// again, as the user may have fixed what caused it.
export function forgetRefusedScans(resultsDir: string): void {
  rmSync(join(resultsDir, REFUSED_SCANS_FILE), { force: true });
}

interface Saved {
  runId: string;
  // target → the ScanConfigError's message
  refused: Record<string, string>;
}

export class RefusedScans {
  constructor(
    private readonly file: string,
    private readonly runId: string,
    private readonly target: string,
  ) {}

  get(): ScanConfigError | undefined {
    const message = this.read().refused[this.target];
    return message === undefined ? undefined : new ScanConfigError(message, { remembered: true });
  }

  remember(error: ScanConfigError): void {
    const saved = this.read();
    saved.refused[this.target] = error.message;
    mkdirSync(dirname(this.file), { recursive: true });
    writeWhole(this.file, JSON.stringify(saved));
  }

  // A file of another run, or one cut short, holds nothing for this run.
  private read(): Saved {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Saved>;
      if (saved.runId === this.runId && typeof saved.refused === 'object' && saved.refused)
        return { runId: this.runId, refused: saved.refused };
    } catch {}
    return { runId: this.runId, refused: {} };
  }
}
