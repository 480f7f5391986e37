import type { ComplianceReport } from './compliance-report.ts';
import { headline } from './headline.ts';
import { scrub } from './scrub.ts';

// The run's verdict on the console, said before the compliance line: Playwright's "92 passed" above it
// counts tests, not requirements, and a first reader had to open compliance.md to learn the outcome.
// One target only: the self-test's many targets have their own judgement (reports/selftest.md).
export function verdictLine(reports: ComplianceReport[]): string | undefined {
  if (reports.length !== 1) return undefined;
  const report = reports[0]!;
  const { summary } = report;
  const v = summary.verdicts;
  const reason = /[.!?]$/.test(summary.exitReason) ? summary.exitReason : `${summary.exitReason}.`;
  // The console is a log: scrubbed as the reports are, whatever the reason quotes (an exchange's title).
  return scrub(
    `verdict: ${headline(report)} (exit ${summary.exitCode}): ${reason} ` +
      `${v.PASS} PASS, ${v.FAIL} FAIL, ${v.WARN} WARN, ${v.ERROR} ERROR, ${v.NA} NA, ${v.OBSERVED} OBSERVED of ` +
      `${summary.requirements} requirements (one row each, and what each verdict means, in compliance.md)`,
  );
}
