import type { ComplianceReport } from './compliance-report.ts';

// The foot of compliance.md: what its levels, verdicts, counts and exit codes mean, so that a report
// filed alone can be read without the suite's docs.
export function reportLegend(report: ComplianceReport): string[] {
  const lines = [
    "Each ID's statement, level and source: `specs/requirements.yaml` of the suite; docs/interfaces.md#requirement-ids lists them in short.",
    'Level: MUST is what a conforming target must do; SHOULD is what it is expected to do, short of failing',
    'the run; OBSERVE is where the documentation leaves the answer open (one of the open points,',
    'docs/contract.md#open-points of the suite), so the row records what the target did and judges nothing.',
    'PASS means every test behind the row that reached a verdict passed. FAIL is a MUST that a test found',
    'violated, and fails the run; WARN is a SHOULD found violated, and does not. The reason is the first',
    'violation, in one line.',
    'Exit codes (the headline shows 0 to 3): 0: conforming (no MUST failed, nothing errored); 1: a MUST',
    'failed (or a baseline is out of date, or a MUST was left unjudged where MDE_REQUIRE_MUST_COVERAGE asks',
    'for it, or the command line selected the tests); 2: configuration or suite error; 3: the target could',
    'not be reached or lost exchanges; 4: a secret reached an artefact, found after this report was written,',
    "so only the command's exit status shows it. The observed profile named above records how the target",
    'answered each of the open points.',
    '"Tests" counts the tests that reached a verdict (passed or failed) out of those in this run that claim the',
    'requirement; "(N failed)" how many of those failed, and "(N no verdict)" those that ran but reached none',
    '(ERROR); "–": none was in it.',
    'NA means the requirement was not checked on this target: every test that claims it was skipped',
    '(the reason says why, e.g. a safety switch is off or the target cannot set up the state), or no test',
    'ran for it. NA is neither a pass nor a failure. OBSERVED means the row records what the target did',
    'where the contract is open; it never fails a run. ERROR means the tests behind the row reached no verdict: an',
    "exchange was lost on the wire, or the target's set-up or the suite failed; the reason names what was",
    'lost. ERROR is neither a pass nor a failure of the target; the run exits 3 or 2, or 1 where a MUST',
    'requirement failed too.',
  ];
  if (report.summary.baseline)
    lines.push(
      '',
      `"known deviation" rows are listed in ${report.summary.baseline.file}; they keep their verdict but do`,
      'not fail the run. A listed deviation that no longer happens fails the run until the baseline is updated.',
    );
  return lines;
}
