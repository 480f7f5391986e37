import { COMPLIANCE_MD, TARGETS_DIR } from '../../common/report-files.ts';
import { targetDirName } from '../../harness/run/run-plan.ts';
import { worstOf } from '../run/run-outcome.ts';
import type { ComplianceReport } from './compliance-report.ts';
import { scrub, scrubValue } from './scrub.ts';

// How reports name a target's directory; the run plan defines it, for the tenant evidence too.
export { targetDirName };

// reports/targets/index.json: every target of a multi-target run with its verdict per requirement,
// so the self-test matrix can compare what each emulator profile and fault produced.
export function renderTargetIndex(reports: ComplianceReport[]): { json: string; markdown: string } {
  const first = reports[0]!;
  const index = {
    reportVersion: 1,
    generatedAt: first.generatedAt,
    // The run's, as each target's report has them: when the targets were tested, not only written.
    startedAt: first.startedAt,
    ...(first.runId ? { runId: first.runId } : {}),
    suite: first.suite,
    exitCode: worstOf(reports.map((r) => r.summary.exitCode)),
    targets: reports.map((r) => ({
      name: r.target.name,
      dir: `targets/${targetDirName(r.target.name)}`,
      target: r.target,
      exitCode: r.summary.exitCode,
      exitReason: r.summary.exitReason,
      summary: { verdicts: r.summary.verdicts, mustFailed: r.summary.mustFailed, errored: r.summary.errored },
      verdicts: Object.fromEntries(r.requirements.map((req) => [req.id, req.verdict])),
    })),
  };
  const ids = first.requirements.map((r) => r.id);
  const markdown = [
    `# Compliance matrix: ${reports.length} targets`,
    '',
    `Suite ${first.suite.version}${first.suite.commit ? ` (commit ${first.suite.commit.slice(0, 12)})` : ''}, contract ${first.suite.contractHash}, ${first.runId ? `run ${first.runId}, ` : ''}started ${first.startedAt}, generated ${first.generatedAt}.`,
    `Each target has its own report in ${TARGETS_DIR}/<name>/${COMPLIANCE_MD}.`,
    '',
    `| ID | ${reports.map((r) => r.target.name).join(' | ')} |`,
    `|---|${reports.map(() => '---').join('|')}|`,
    ...ids.map((id) => `| ${id} | ${reports.map((r) => verdictOf(r, id)).join(' | ')} |`),
    `| exit code | ${reports.map((r) => r.summary.exitCode).join(' | ')} |`,
    '',
  ].join('\n');
  return { json: `${JSON.stringify(scrubValue(index), null, 2)}\n`, markdown: scrub(markdown) };
}

function verdictOf(report: ComplianceReport, id: string): string {
  return report.requirements.find((r) => r.id === id)?.verdict ?? '-';
}
