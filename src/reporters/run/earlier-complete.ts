import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FileWriteError } from '../../common/file-write-error.ts';
import {
  COMPLIANCE_JSON,
  COMPLIANCE_MD,
  EARLIER_COMPLETE_DIR,
  OBSERVED_PROFILE_FILE,
  PARTIAL_OBSERVED_PROFILE_FILE,
} from '../../common/report-files.ts';
import { writeWhole } from '../../common/write-whole.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';
import { isPartial } from '../compliance/partial-run.ts';
import { EXIT } from './run-outcome.ts';

// A run stopped part-way (Ctrl-C, a cancelled CI job, a target gone) replaced the last complete run's
// verdict with its partial one, and a user who had not filed it lost it. The complete one is set aside
// in reports/earlier-complete/ before a run writes its own, and removed again once a complete run has.

// What the kept report says of itself, for the note in this run's compliance.md.
export interface EarlierComplete {
  runId?: string;
  // When its tests began: what names merged shards, which have no run id.
  startedAt?: string;
  generatedAt: string;
  exitCode: number;
  target: string;
}

// A report that judged every requirement it could and reached a verdict (exit 0 or 1).
export function isComplete(report: Pick<ComplianceReport, 'summary'>): boolean {
  const { exitCode } = report.summary;
  return !isPartial(report.summary) && (exitCode === EXIT.CONFORMING || exitCode === EXIT.NOT_CONFORMING);
}

// Before a run's verdict replaces the one in `dir`: a complete run's report moves aside (an earlier
// kept one gives way to it); a partial or errored one is left to be replaced. True if it moved.
export function setCompleteReportAside(dir: string): boolean {
  const earlier = readReport(join(dir, COMPLIANCE_JSON));
  if (!earlier || !isComplete(earlier)) return false;
  const aside = join(dir, EARLIER_COMPLETE_DIR);
  asWriteError(aside, () => {
    rmSync(aside, { recursive: true, force: true });
    mkdirSync(aside, { recursive: true });
  });
  for (const name of [COMPLIANCE_MD, COMPLIANCE_JSON])
    if (existsSync(join(dir, name)))
      asWriteError(join(aside, name), () => renameSync(join(dir, name), join(aside, name)));
  pointToKeptProfile(dir, aside);
  // Its observed profile (a complete run always writes its own) is copied, not moved: a run of the same
  // target keeps it in place when fuller, but one of another target replaces it, which lost it.
  const profile = join(dir, OBSERVED_PROFILE_FILE);
  if (existsSync(profile))
    asWriteError(join(aside, OBSERVED_PROFILE_FILE), () =>
      copyFileSync(profile, join(aside, OBSERVED_PROFILE_FILE)),
    );
  return true;
}

// The kept compliance.md's command to start a calibrated emulator named reports/observed-profile.json,
// which the next run of another target replaces: it names the kept copy instead.
function pointToKeptProfile(dir: string, aside: string): void {
  const md = join(aside, COMPLIANCE_MD);
  if (!existsSync(md)) return;
  const path = (d: string) => relative(process.cwd(), join(d, OBSERVED_PROFILE_FILE)).split(sep).join('/');
  const text = readFileSync(md, 'utf8');
  const kept = text.replace(`--profile-file ${path(dir)}\``, () => `--profile-file ${path(aside)}\``);
  if (kept !== text) asWriteError(md, () => writeWhole(md, kept));
}

// A shard removes the whole-run reports (they would read as its own): the complete run's report goes
// aside as above, and with it the observed profile users calibrate with (docs/calibration.md): that
// run's, or the fuller one a stopped run kept in place (its own then being the .partial.json).
export function setCompleteRunAside(dir: string): void {
  const moved = setCompleteReportAside(dir);
  const aside = join(dir, EARLIER_COMPLETE_DIR);
  const profile = join(dir, OBSERVED_PROFILE_FILE);
  const kept = moved || existsSync(join(dir, PARTIAL_OBSERVED_PROFILE_FILE));
  if (kept && existsSync(profile) && existsSync(join(aside, COMPLIANCE_JSON)))
    asWriteError(join(aside, OBSERVED_PROFILE_FILE), () =>
      renameSync(profile, join(aside, OBSERVED_PROFILE_FILE)),
    );
}

// What the kept report is, for an incomplete run's report to point to; none for a complete one.
export function earlierCompleteFor(dir: string, report: ComplianceReport): EarlierComplete | undefined {
  if (isComplete(report)) return undefined;
  const kept = readReport(join(dir, EARLIER_COMPLETE_DIR, COMPLIANCE_JSON));
  if (!kept) return undefined;
  return {
    ...(kept.runId ? { runId: kept.runId } : {}),
    ...(kept.startedAt ? { startedAt: kept.startedAt } : {}),
    generatedAt: kept.generatedAt,
    exitCode: kept.summary.exitCode,
    target: kept.target?.name ?? 'unknown',
  };
}

// Once a complete run's report is written, the kept one is stale. Not before: a write that fails (a
// full disk) would leave neither. A run of several targets is complete when each target's report is.
export function dropEarlierComplete(dir: string, ...reports: ComplianceReport[]): void {
  const aside = join(dir, EARLIER_COMPLETE_DIR);
  if (reports.length > 0 && reports.every(isComplete))
    asWriteError(aside, () => rmSync(aside, { recursive: true, force: true }));
}

// Node's own error for a failed move (EACCES, EPERM, ENOSPC) names no fix and reached the user with a
// stack trace; the reporters tell the suite's FileWriteError in one line. Other errors are bugs.
function asWriteError(file: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    throw new FileWriteError(file, error);
  }
}

// The line compliance.md and the console give it.
export function earlierCompleteNote(kept: EarlierComplete, where: string): string {
  const run = kept.runId ?? (kept.startedAt ? `merged shards started ${kept.startedAt}` : 'run id unknown');
  return `the last complete run's report (${run}, ${kept.target}, exit ${kept.exitCode}, generated ${kept.generatedAt}) is kept in ${where}`;
}

function readReport(file: string): ComplianceReport | undefined {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as ComplianceReport;
    return report?.summary && Array.isArray(report.summary.notRun) ? report : undefined;
  } catch {
    // None there, or not a report this suite wrote: nothing of value to keep.
    return undefined;
  }
}
