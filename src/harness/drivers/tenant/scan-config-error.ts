import { HarnessError } from '../../errors.ts';

// The tenant refused a quick scan on MDE_MACHINE_ID for a reason the operator's configuration causes
// (no such device, an app without Machine.Scan): writes were asked for, so the tests that needed the
// scan reach no verdict and the run exits 2 with this line, rather than reading as NA.
export class ScanConfigError extends HarnessError {
  readonly code = 'SCAN_CONFIG';
  readonly category = 'suite';
  // True when the run already knew the refusal (refused-scans.ts): another test of the run was told.
  readonly remembered: boolean;
  constructor(message: string, options: { remembered?: boolean } = {}) {
    super(message);
    this.remembered = options.remembered ?? false;
    // A configuration problem, not a crash: Playwright prints its line without a stack (DEBUG=1 keeps it).
    if (!process.env.DEBUG) this.stack = `${this.name}: ${this.message}`;
  }
}
