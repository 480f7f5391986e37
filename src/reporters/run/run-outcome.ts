import type { Verdict } from '../compliance/verdict.ts';
import type { ErrorCategory } from '../records/test-record.ts';
import { type StoppedTarget, stoppedClause } from './stopped-target.ts';

// How a run ends, defined once: the exit codes of `npm run conformance` (docs/interfaces.md#exit-codes),
// what each means, and how a report's evidence decides it (read back from the files: written-outcome.ts).
export const EXIT = {
  // No MUST requirement failed and nothing errored.
  CONFORMING: 0,
  // A MUST requirement failed (or a baseline is out of date).
  NOT_CONFORMING: 1,
  // The configuration is invalid, or the suite broke: the run proves nothing.
  ERRORED: 2,
  // The target could not be reached or lost exchanges, and nothing else went wrong.
  UNREACHABLE: 3,
  // A secret reached an artefact: do not share them; rotate what leaked.
  LEAKED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_MEANING: Record<ExitCode, string> = {
  0: 'Conforming',
  1: 'Not conforming',
  2: 'Run errored',
  3: 'Target unreachable',
  4: 'Secret leaked',
};

export interface Outcome {
  exitCode: ExitCode;
  // Why, in one line.
  exitReason: string;
}

// What a target's report holds that decides how the run ends.
export interface OutcomeEvidence {
  // Tests that reached no verdict, and errors outside any test.
  problems: readonly { category: ErrorCategory; line: string }[];
  // MUST requirements that failed and are no known deviation.
  failed: readonly string[];
  // Baseline entries that no longer happen, with the verdict the requirement has now: the baseline,
  // not the target, is what fails the run.
  stale?: { file: string; entries: readonly { id: string; verdict: Verdict }[] };
  // MUSTs that failed as the baseline expects: not blocking, but a conforming run must not read as
  // if none had failed (compliance teams file this line).
  known?: readonly string[];
  // MUSTs left NA that MDE_REQUIRE_MUST_COVERAGE asks for (must-coverage.ts).
  unjudged?: readonly string[];
  // With MDE_REQUIRE_MUST_COVERAGE, how the command line selected the tests (test-selection.ts): a
  // selection may leave cases of a MUST untested while its row still reads PASS, so the gate fails it.
  selectedBy?: readonly string[];
  // Tests that met a refused connection mid-run: the target stopped (stopped-target.ts).
  stopped?: StoppedTarget;
}

// A broken suite first (it proves nothing), then blocking requirements: a MUST that failed is evidence
// even where other exchanges were lost, so exit 3 means the target was unreachable and nothing else
// went wrong (docs/interfaces.md#exit-codes). MUSTs left unjudged turn only a conforming run into a
// failing one. The reason names the cause first, then whatever else happened; the headline of
// compliance.md says it as it is.
export function decideOutcome({
  problems,
  failed,
  stale,
  known = [],
  unjudged = [],
  selectedBy = [],
  stopped,
}: OutcomeEvidence): Outcome {
  // A stale baseline blocks as a failed MUST does, but says that the baseline is what to fix.
  const blocking = [
    failed.length > 0 ? `MUST requirements failed: ${failed.join(', ')}` : undefined,
    stale?.entries.length ? outOfDate(stale) : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  // The line quoted is the one that decides the code: a suite error before a lost exchange.
  const first = problems.find((p) => p.category !== 'target-unreachable') ?? problems[0];
  // A target that stopped is said first, unless a suite error decides the code.
  const quoted =
    stopped && first?.category === 'target-unreachable' ? stoppedClause(stopped, first) : first?.line;
  const lost = first ? `${problems.length} test(s) or run step(s) reached no verdict: ${quoted}` : undefined;
  const uncovered =
    [
      unjudged.length > 0
        ? `MUST requirements not judged, which MDE_REQUIRE_MUST_COVERAGE forbids: ${unjudged.join(', ')}`
        : undefined,
      selectedBy.length > 0
        ? `MDE_REQUIRE_MUST_COVERAGE needs a whole run: the command line selected the tests (${selectedBy.join(' ')}); run without filters`
        : undefined,
    ]
      .filter(Boolean)
      .join('; ') || undefined;
  const said = (...parts: (string | undefined)[]) =>
    parts
      .filter(Boolean)
      .map((part, i, all) => (i < all.length - 1 ? part!.replace(/(?<!\.)\.$/, '') : part))
      .join('; ');
  if (problems.some((p) => p.category !== 'target-unreachable'))
    return { exitCode: EXIT.ERRORED, exitReason: said(lost, blocking, uncovered) };
  if (blocking) return { exitCode: EXIT.NOT_CONFORMING, exitReason: said(blocking, lost, uncovered) };
  if (lost) return { exitCode: EXIT.UNREACHABLE, exitReason: said(lost, uncovered) };
  if (uncovered) return { exitCode: EXIT.NOT_CONFORMING, exitReason: uncovered };
  if (known.length > 0)
    return {
      exitCode: EXIT.CONFORMING,
      exitReason: `no MUST requirement failed other than the baseline's known deviations (${known.join(', ')}), and nothing errored`,
    };
  return { exitCode: EXIT.CONFORMING, exitReason: 'no MUST requirement failed and nothing errored' };
}

// "baseline out of date: CANCEL.FIELDS now passes; remove it from baselines/x.yaml". A stale entry
// passes now (compareWithBaseline: NA and ERROR leave it unexercised), so the fix is to remove it.
function outOfDate({ file, entries }: NonNullable<OutcomeEvidence['stale']>): string {
  const now = entries.map((e) => `${e.id} now ${e.verdict === 'PASS' ? 'passes' : `reads ${e.verdict}`}`);
  const fix = entries.every((e) => e.verdict === 'PASS')
    ? `remove ${entries.length > 1 ? 'them' : 'it'} from ${file}`
    : `update ${file}`;
  return `baseline out of date: ${now.join(', ')}; ${fix}`;
}

// The worst exit code of several targets (a matrix run): a leak beats an error beats a violation.
export function worstOf(codes: readonly ExitCode[]): ExitCode {
  // As within one target: a failed MUST wins over an unreachable target (docs/interfaces.md#exit-codes).
  const order: ExitCode[] = [
    EXIT.CONFORMING,
    EXIT.UNREACHABLE,
    EXIT.NOT_CONFORMING,
    EXIT.ERRORED,
    EXIT.LEAKED,
  ];
  return codes.reduce<ExitCode>(
    (worst, code) => (order.indexOf(code) > order.indexOf(worst) ? code : worst),
    0,
  );
}
