// A report that is not the whole suite's evidence says so in its exit reason and headline, and is not
// kept as a complete run's (earlier-complete.ts, observed-profile-keep.ts): its wording and its test.

// A run whose command line narrowed its tests, whether or not every requirement kept one.
export function narrowedRun(narrowedBy: readonly string[], saidPartial = false): string {
  const selected = `tests selected by ${narrowedBy.join(' ')}, so each verdict rests only on those`;
  return saidPartial ? selected : `partial run: ${selected}`;
}

// Whether the report is not the whole suite's evidence: requirements without a test, or a narrowed run.
export function isPartial(summary: { notRun: readonly string[]; narrowedBy?: readonly string[] }): boolean {
  return summary.notRun.length > 0 || (summary.narrowedBy?.length ?? 0) > 0;
}

// A run in which some requirements had no test (interrupted, --max-failures, a narrowed selection).
export function partialRun(notRun: number, requirements: number): string {
  return `partial run: ${notRun} of ${requirements} requirements had no test in it`;
}
