import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  COMPLIANCE_JSON,
  COMPLIANCE_MD,
  EARLIER_COMPLETE_DIR,
  JUNIT_XML,
  OBSERVED_PROFILE_FILE,
  PARTIAL_OBSERVED_PROFILE_FILE,
  QUOTA_JSON,
  TARGET_INDEX_JSON,
  TARGETS_DIR,
  TENANT_LEDGER_JSON,
} from '../../common/report-files.ts';
import { writeWhole } from '../../common/write-whole.ts';
import { schemasDir } from '../../contract/contract-files.ts';
import type { Registry } from '../../contract/index.ts';
import { targetDirName } from '../../harness/run/run-plan.ts';
import type { Baseline } from '../baseline/baseline.ts';
import { buildComplianceReport, type ComplianceReport } from '../compliance/compliance-report.ts';
import { mustCoverageRequired } from '../compliance/must-coverage.ts';
import { renderJson } from '../compliance/render-json.ts';
import { type ObservedProfileLink, renderMarkdown } from '../compliance/render-markdown.ts';
import { renderTargetIndex } from '../compliance/target-index.ts';
import { buildObservedProfile } from '../observed/observed-profile.ts';
import { writeObservedProfile } from '../observed/observed-profile-file.ts';
import { fullerEarlier } from '../observed/observed-profile-keep.ts';
import type { RunRecords } from '../records/test-record.ts';
import {
  dropEarlierComplete,
  earlierCompleteFor,
  earlierCompleteNote,
  setCompleteReportAside,
  setCompleteRunAside,
} from './earlier-complete.ts';
import { type ExitCode, worstOf } from './run-outcome.ts';

export interface WriteOptions {
  outDir: string;
  registry: Registry;
  baseline?: Baseline;
  now?: Date;
  // Default: MDE_REQUIRE_MUST_COVERAGE (environment or .env).
  requireMust?: boolean;
}

// Writes compliance.json/md and observed-profile.json for a one-target run, or one set per target under
// targets/<name>/ plus targets/index.json for a multi-target run (the self-test matrix).
export function writeComplianceReports(
  records: RunRecords,
  options: WriteOptions,
): { exitCode: ExitCode; reports: ComplianceReport[] } {
  const { outDir } = options;
  // Merged shards carry the quota their shards spent; a run's own is in reports/quota.json.
  const quota =
    records.shard === undefined && records.quota !== undefined ? records.quota : readQuota(outDir, records);
  const names = targetNames(records);
  const requireMust = options.requireMust ?? mustCoverageRequired();
  const reports = names.map((targetName) =>
    buildComplianceReport({ ...options, records, targetName, quota, requireMust }),
  );
  // An earlier tenant run's quota and action ledger must not sit beside a run that spent none, to be
  // filed with its evidence as if they were its own.
  if (!Object.values(records.targets).some((t) => t.mode === 'tenant'))
    for (const name of [QUOTA_JSON, TENANT_LEDGER_JSON]) rmSync(join(outDir, name), { force: true });
  if (reports.length === 1) {
    // A one-target run must not leave an earlier matrix run's files around to be mistaken for its own.
    rmSync(join(outDir, TARGETS_DIR), { recursive: true, force: true });
    writeSet(outDir, reports[0]!, records, options.now);
    return { exitCode: reports[0]!.summary.exitCode, reports };
  }
  rmSync(join(outDir, COMPLIANCE_JSON), { force: true });
  rmSync(join(outDir, COMPLIANCE_MD), { force: true });
  rmSync(join(outDir, OBSERVED_PROFILE_FILE), { force: true });
  rmSync(join(outDir, PARTIAL_OBSERVED_PROFILE_FILE), { force: true });
  rmSync(join(outDir, TARGETS_DIR), { recursive: true, force: true });
  for (const report of reports)
    writeSet(join(outDir, TARGETS_DIR, targetDirName(report.target.name)), report, records, options.now);
  const index = renderTargetIndex(reports);
  writeWhole(join(outDir, COMPLIANCE_MD), index.markdown);
  // Last, as in writeSet: the index is what tells the run's outcome.
  writeWhole(join(outDir, TARGET_INDEX_JSON), index.json);
  // A one-target run's report kept in earlier-complete/ is stale beside a complete run of several.
  dropEarlierComplete(outDir, ...reports);
  return { exitCode: worstOf(reports.map((r) => r.summary.exitCode)), reports };
}

// The files that tell a run's outcome (readRunOutcome), removed before the run's records are written:
// a write that fails there (a full disk) must not leave an earlier run's verdict to read as this one's.
export function removeVerdicts(outDir: string): void {
  // A complete run's verdict is kept aside first, not removed: this run may stop part-way.
  setCompleteReportAside(outDir);
  for (const name of [COMPLIANCE_JSON, TARGET_INDEX_JSON]) rmSync(join(outDir, name), { force: true });
}

// A shard's partial evidence must not sit next to an earlier full report and be mistaken for it; the
// last complete run's report and observed profile wait in earlier-complete/ for the merge.
export function removeWholeRunReports(outDir: string): void {
  setCompleteRunAside(outDir);
  const profiles = [OBSERVED_PROFILE_FILE, PARTIAL_OBSERVED_PROFILE_FILE];
  for (const name of [COMPLIANCE_JSON, COMPLIANCE_MD, JUNIT_XML, ...profiles, TARGETS_DIR])
    rmSync(join(outDir, name), { recursive: true, force: true });
}

// compliance.json goes last, and an earlier one is removed first: it is what tells a run's outcome
// (readRunOutcome), so a write that fails (a full disk) leaves no verdict, not a set of this run's
// and an earlier run's files that reads as complete.
function writeSet(dir: string, report: ComplianceReport, records: RunRecords, now?: Date): void {
  for (const name of [COMPLIANCE_JSON, COMPLIANCE_MD]) rmSync(join(dir, name), { force: true });
  const { document } = buildObservedProfile(records, report.target.name, {
    ...(now ? { now } : {}),
    schemaPath: forward(relative(dir, join(schemasDir, 'observed-profile.schema.json'))),
  });
  const kept = fullerEarlier(join(dir, OBSERVED_PROFILE_FILE), document, report);
  const name = kept ? PARTIAL_OBSERVED_PROFILE_FILE : OBSERVED_PROFILE_FILE;
  // A complete run's profile is the observed profile: an earlier partial one would read as this run's.
  if (!kept) rmSync(join(dir, PARTIAL_OBSERVED_PROFILE_FILE), { force: true });
  const file = join(dir, name);
  const written = writeObservedProfile(file, document);
  const known = Object.values(written.points).filter((entry) => entry && 'reading' in entry).length;
  const link: ObservedProfileLink = {
    file: name,
    path: forward(relative(process.cwd(), file)),
    known,
    total: Object.keys(written.points).length,
    ...(kept ? { kept: { ...kept, file: OBSERVED_PROFILE_FILE } } : {}),
  };
  const markdown = renderMarkdown(report, link);
  const earlier = earlierCompleteFor(dir, report);
  // Under the title, before anything of this run: which report to file instead.
  const withEarlier = earlier
    ? markdown.replace(
        /\n/,
        `\n\n> **Incomplete run:** ${earlierCompleteNote(earlier, `[${EARLIER_COMPLETE_DIR}/${COMPLIANCE_MD}](${EARLIER_COMPLETE_DIR}/${COMPLIANCE_MD})`)}.\n`,
      )
    : markdown;
  writeWhole(join(dir, COMPLIANCE_MD), `${withEarlier}\n`);
  writeWhole(join(dir, COMPLIANCE_JSON), renderJson(report));
  dropEarlierComplete(dir, report);
}

function forward(path: string): string {
  return path.split(sep).join('/');
}

function targetNames(records: RunRecords): string[] {
  const names = new Set(records.tests.map((t) => t.target));
  if (names.size === 0) for (const name of Object.keys(records.targets)) names.add(name);
  if (names.size === 0) names.add(process.env.MDE_TARGET?.trim() || 'embedded');
  return [...names].sort();
}

// reports/quota.json is written when a tenant run ends: the calls it spent of the documented limits.
// It names its run; records without a run id (merged shards) tell an earlier run's file by its age.
export function readQuota(outDir: string, records: RunRecords): unknown {
  const file = join(outDir, QUOTA_JSON);
  // Only a tenant run spends quota: a run id may be reused (MDE_RUN_ID), an embedded run's never names one.
  const tenant = Object.values(records.targets).some((t) => t.mode === 'tenant');
  if (!tenant || !existsSync(file)) return undefined;
  const older = () => statSync(file).mtimeMs < Date.parse(records.startedAt);
  let quota: { runId?: unknown } | null;
  try {
    quota = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return older() ? undefined : { unreadable: `${file} is not valid JSON` };
  }
  if (records.runId !== undefined) return quota?.runId === records.runId ? quota : undefined;
  return older() ? undefined : quota;
}
