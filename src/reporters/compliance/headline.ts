import { TargetAnswerError } from '../../harness/errors.ts';
import { EXIT, EXIT_MEANING } from '../run/run-outcome.ts';
import { TARGET_STOPPED } from '../run/stopped-target.ts';
import type { ComplianceReport } from './compliance-report.ts';
import { isPartial } from './partial-run.ts';

// The bold words that open compliance.md: the exit code's meaning, and what a conforming run rests on.
// "Conforming" alone overstated a read-only tenant run that judged 6 of 19 MUSTs, or one that passed
// only because a baseline excused a failed MUST; auditors file this line. The exit code and
// summary.exitReason stay as they are (docs/interfaces.md).
export function headline({ summary, requirements, target, runErrors }: ComplianceReport): string {
  const conforming = summary.exitCode === EXIT.CONFORMING;
  const excused = requirements.some((r) => r.level === 'MUST' && r.baseline?.status === 'known');
  const known = summary.baseline?.known.length ?? 0;
  // Rows whose tests reached no verdict: the target answered the rest, so exit 3 reads "Incomplete"
  // rather than "Target unreachable", and every code says how many rows went unjudged.
  const noVerdict = requirements.filter((r) => r.verdict === 'ERROR').length;
  const meaning =
    conforming && excused && summary.baseline
      ? `Conforming to baseline ${summary.baseline.file} (${known} known deviation${known === 1 ? '' : 's'})`
      : summary.exitCode === EXIT.UNREACHABLE && noVerdict > 0
        ? // An emulator that died mid-run: said before the count, which alone reads as lost exchanges.
          summary.exitReason.includes(TARGET_STOPPED)
          ? `Incomplete: ${TARGET_STOPPED}`
          : 'Incomplete'
        : summary.exitCode === EXIT.UNREACHABLE && target.mode !== 'tenant' && answeredWrongly(runErrors)
          ? 'Stopped before any test: the target answered, but not as docs/interfaces.md says'
          : EXIT_MEANING[summary.exitCode];
  const musts = requirements.filter((r) => r.level === 'MUST');
  const unjudged = musts.filter((r) => r.verdict === 'NA');
  // Those no run on such a target can judge (specs/requirements.yaml, `never`) are said apart, in the
  // words of their rows.
  const never = unjudged.filter((r) => r.applicable === false).length;
  const why = never > 0 ? `NA; ${never} of them not applicable to ${target.mode} targets` : 'NA';
  return [
    meaning,
    isPartial(summary) ? 'partial run' : undefined,
    noVerdict > 0
      ? `${noVerdict} of ${requirements.length} requirements reached no verdict (ERROR)`
      : undefined,
    conforming && unjudged.length > 0
      ? `${unjudged.length} of ${musts.length} MUST not judged (${why})`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

// The run errors that stopped an emulator run all name an answer it gave: the preflight's
// TargetAnswerError (a token endpoint's 500 says "server_error (500)"), or a control endpoint's
// "answered 404". It was reached, and "Target unreachable" sent its author to check the URL.
function answeredWrongly(runErrors: ComplianceReport['runErrors']): boolean {
  const target = runErrors.filter((e) => e.category === 'target-unreachable');
  return (
    target.length > 0 &&
    target.every((e) => e.line.startsWith(`${TargetAnswerError.name}:`) || /\banswered \d{3}\b/.test(e.line))
  );
}
