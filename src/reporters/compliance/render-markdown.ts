import { knownDeviationNote } from '../baseline/known-deviation-note.ts';
import type { KeptProfile } from '../observed/observed-profile-keep.ts';
import { testCounts, testsCell } from '../records/test-counts.ts';
import type { ComplianceReport } from './compliance-report.ts';
import { headline } from './headline.ts';
import { reportLegend } from './report-legend.ts';
import type { RequirementResult } from './requirement-results.ts';
import { scrub } from './scrub.ts';

// The observed profile written beside the report (docs/calibration.md).
export interface ObservedProfileLink {
  // Its name beside compliance.md, and its path from where the run was started.
  file: string;
  path: string;
  known: number;
  total: number;
  // An incomplete run that read less than the observed profile in place writes its own beside it.
  kept?: KeptProfile & { file: string };
}

// compliance.md: the same facts as compliance.json, for people. One row per requirement.
export function renderMarkdown(report: ComplianceReport, observed?: ObservedProfileLink): string {
  const { suite, target, summary } = report;
  const v = summary.verdicts;
  const lines = [
    `# Compliance report: ${target.name}`,
    '',
    `- Target: ${describeTarget(report)}`,
    `- Suite: ${suite.name} ${suite.version}${suite.commit ? ` (commit ${suite.commit.slice(0, 12)})` : ''}, contract ${suite.contractHash}`,
    `- Run: ${report.runId ? `${report.runId}, ` : ''}started ${report.startedAt}, lasted ${(summary.durationMs / 1000).toFixed(1)} s`,
    `- Generated: ${report.generatedAt}`,
    summary.baseline ? `- Baseline: ${summary.baseline.file}` : undefined,
    quotaLine(summary.quota),
    observedLine(observed),
    '',
    // What decided the code comes first: counts after "Not conforming" read as its cause.
    `**${headline(report)}**` +
      ` (exit ${summary.exitCode}): ${sentence(summary.exitReason)} ${v.PASS} PASS, ${v.FAIL} FAIL, ${v.WARN} WARN, ${v.ERROR} ERROR, ${v.NA} NA, ${v.OBSERVED} OBSERVED` +
      ` of ${summary.requirements} requirements; ${testCounts(report)}.`,
    '',
    ...partialRunLines(report),
    ...staleBaselineLines(report),
    ...runErrorLines(report),
    '| ID | Level | Verdict | Reason / observed | Tests |',
    '|---|---|---|---|---|',
    ...report.requirements.map(row),
    '',
    ...reportLegend(report),
  ];
  return scrub(lines.filter((line) => line !== undefined).join('\n'));
}

// A run narrowed by --grep, files or projects (or stopped early) must not pass for a whole one when filed.
function partialRunLines(report: ComplianceReport): string[] {
  const { notRun, requirements, tests, narrowedBy = [] } = report.summary;
  // A run that stopped before any test (a target down, a configuration refused): that is what to mend.
  if (notRun.length > 0 && tests.total === 0 && report.runErrors.length > 0)
    return [
      `> Partial run: no test ran, so the ${notRun.length} requirements' NA says nothing about the target.`,
      '> The run stopped before its tests (the run error below says why); run it again once that is mended.',
      '',
    ];
  // Said whether or not every requirement kept a test: CANCEL.FINAL's one test of three read "PASS 1/1".
  if (narrowedBy.length > 0)
    return [
      `> Partial run: the command line selected the tests (${narrowedBy.join(' ')}), so each verdict rests only on`,
      `> the tests it kept, and a PASS says nothing of the tests left out${notRun.length > 0 ? `; ${notRun.length} of ${requirements} requirements had no test in it (NA)` : ''}.`,
      '> File the report of a whole run (`npm run conformance` without filters).',
      '',
    ];
  if (notRun.length === 0) return [];
  return [
    `> Partial run: ${notRun.length} of ${requirements} requirements had no test in this run (narrowed by --grep,`,
    '> files or projects, or stopped before its tests), so their NA says nothing about the target. File the',
    '> report of a whole run (`npm run conformance` without filters).',
    '',
  ];
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// "embedded reference emulator (profile default), at loopback (...)": the description first, then the
// host unless the description already names it, then any other detail the plan gave.
function describeTarget(report: ComplianceReport): string {
  const { name, mode, apiHost, description, ...rest } = report.target;
  const where = description.includes(apiHost) ? [] : [`${mode} at ${apiHost}`];
  const extras = Object.entries(rest)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !isEmptyList(value))
    .filter(([, value]) => !saidIn(description, value))
    .map(
      ([key, value]) =>
        `${key} ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    );
  return [description || `${mode} target`, ...where, ...extras].join(', ');
}

// A detail the description already gives (an embedded emulator's profile and faults) is not said twice.
function saidIn(description: string, value: unknown): boolean {
  if (typeof value === 'object' && !Array.isArray(value)) return false;
  const parts = Array.isArray(value) ? value : [value];
  return parts.every((part) => description.includes(String(part)));
}

// Tenant runs spend real quota; the reader should see how much (reports/quota.json, by the harness).
function quotaLine(quota: unknown): string | undefined {
  const calls = (quota as { calls?: { caller: string; operationId: string; total: number }[] } | null)?.calls;
  if (!Array.isArray(calls) || calls.length === 0) return undefined;
  return `- Quota spent: ${calls.map((c) => `${c.operationId} ${c.total} (${c.caller})`).join(', ')}`;
}

// One sentence on how to use it: the loop of docs/calibration.md.
function observedLine(observed: ObservedProfileLink | undefined): string | undefined {
  if (!observed) return undefined;
  if (observed.kept) {
    const { kept } = observed;
    return (
      `- Observed profile: this run was incomplete and read ${observed.known} of ${observed.total} open points: ` +
      `[${observed.file}](${observed.file}). [${kept.file}](${kept.file}), written ${kept.generatedAt}` +
      `${kept.target ? ` of ${scrub(kept.target)}` : ''} with ` +
      `${kept.known} points read, was kept: it reads ${kept.lacking.length} this run did not (${kept.lacking.join(', ')}). ` +
      `Delete it, or run the whole suite, to replace it.`
    );
  }
  if (observed.known === 0)
    return `- Observed profile: [${observed.file}](${observed.file}), none of its ${observed.total} open points read in this run.`;
  const unread = observed.total - observed.known;
  return (
    `- Observed profile: [${observed.file}](${observed.file}), ${observed.known} of ${observed.total} open points read; ` +
    `to test your own automation against an emulator that answers as this target did, start it with ` +
    `\`npm run emulator -- --profile-file ${observed.path}\` (for the embedded target, copy it out of reports/, which the next run replaces, and set \`MDE_EMULATOR_PROFILE_FILE\` to the copy)` +
    `${unread > 0 ? `; the ${unread} point${unread === 1 ? '' : 's'} this run did not read answer as the default profile does` : ''}.`
  );
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function row(r: RequirementResult): string {
  const verdict = r.baseline?.status === 'known' ? `${r.verdict} (known deviation)` : r.verdict;
  const text = [r.observed ?? r.reason, ...uncheckedNotes(r), knownDeviationNote(r)]
    .filter(Boolean)
    .join('; ');
  const baselineNote =
    r.baseline?.status === 'stale' ? ` **Baseline expects ${r.baseline.expected}: update it.**` : '';
  return `| ${r.id} | ${r.level} | ${verdict} | ${cell(text)}${baselineNote} | ${testsCell(r)} |`;
}

// `unchecked` holds the titles of tests that did not run and the parts the tests that ran could not
// check: "2 of 3 tests did not run: <why>", then "Not checked: <parts>".
function uncheckedNotes(r: RequirementResult): string[] {
  const unchecked = r.unchecked ?? [];
  const skipped = r.tests.filter((t) => t.outcome === 'skipped' && unchecked.includes(t.title));
  const parts = unchecked.filter((u) => !skipped.some((t) => t.title === u));
  const why = [...new Set(skipped.map((t) => t.skipReason ?? 'skipped without a reason'))];
  return [
    skipped.length ? `${skipped.length} of ${r.tests.length} tests did not run: ${why.join('; ')}` : '',
    parts.length ? `Not checked: ${parts.join('; ')}` : '',
  ];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function staleBaselineLines(report: ComplianceReport): string[] {
  const stale = report.summary.baseline?.stale ?? [];
  return stale.length ? [...stale.map((line) => `- ${line}`), ''] : [];
}

function runErrorLines(report: ComplianceReport): string[] {
  if (report.runErrors.length === 0) return [];
  return [...report.runErrors.map((e) => `- Run error (${e.category}): ${cell(e.line)}`), ''];
}
