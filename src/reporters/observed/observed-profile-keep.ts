import { existsSync } from 'node:fs';
import { OPEN_POINTS, type OpenPointId, type ProfileDocument, readingOf } from '../../contract/index.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';
import { isPartial } from '../compliance/partial-run.ts';
import { EXIT } from '../run/run-outcome.ts';
import { readObservedProfile } from './observed-profile-file.ts';

// The earlier observed profile that stays in place, and what it reads that this run did not.
export interface KeptProfile {
  // When the earlier file was written.
  generatedAt: string;
  // The target it was read from (source.target), when it says.
  target?: string;
  known: number;
  lacking: OpenPointId[];
}

// The earlier profile at `file` is kept when this run is incomplete (a requirement without a test, or
// an exit code that says the run reached no verdict somewhere) and the earlier file, an observed profile
// this suite reads, has a reading of a point this run leaves unknown. A complete run always replaces it.
export function fullerEarlier(
  file: string,
  next: ProfileDocument,
  report: ComplianceReport,
): KeptProfile | undefined {
  const { exitCode } = report.summary;
  const incomplete = isPartial(report.summary) || exitCode === EXIT.ERRORED || exitCode === EXIT.UNREACHABLE;
  if (!incomplete || !existsSync(file)) return undefined;
  let earlier: ProfileDocument;
  try {
    earlier = readObservedProfile(file);
  } catch {
    // Not a profile this suite can read: nothing of value is lost by replacing it.
    return undefined;
  }
  if (earlier.source?.kind !== 'observed') return undefined;
  // Another target's calibration is no fuller reading of this one: kept, it stood as
  // reports/observed-profile.json beside a run against another target (proved: a tenant run, then a
  // --grep run against an emulator kept the tenant's file).
  if (!sameTarget(earlier.source.target, next.source?.target)) return undefined;
  const known = OPEN_POINTS.filter((id) => readingOf(earlier, id) !== undefined);
  const lacking = known.filter((id) => readingOf(next, id) === undefined);
  if (lacking.length === 0) return undefined;
  const { generatedAt = 'by an earlier run', target } = earlier.source;
  return { generatedAt, ...(target ? { target } : {}), known: known.length, lacking };
}

// A tenant's run options (sign-in, writes, throttling, quota share) do not make it another target; an
// embedded emulator's profile and faults do. A file that names no target is given the benefit.
function sameTarget(earlier: string | undefined, next: string | undefined): boolean {
  // Files written before the name stopped being repeated ("tenant: tenant at ...") read as since.
  const plain = (target: string) =>
    target.replace(/ \(sign-in [^)]*\)$/, '').replace(/^(\S+): (?=\1( |$))/, '');
  if (earlier === undefined || next === undefined) return true;
  const [a, b] = [plain(earlier), plain(next)];
  // A tenant's directory key (tenant-key.ts) tells two tenants behind one host apart; a file written
  // before descriptions carried it names the host alone, and is given the benefit too.
  const keyless = (target: string) => target.replace(/(^|: )tenant [0-9a-f]{10} at /, '$1tenant at ');
  const keyed = (target: string) => keyless(target) !== target;
  return a === b || ((!keyed(a) || !keyed(b)) && keyless(a) === keyless(b));
}
