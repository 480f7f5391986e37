// What the self-test says when its matrix run wrote no compliance report. Stopped (Playwright exits 130
// for a Ctrl-C, and for a SIGTERM through stop-on-sigterm.mjs), it said "the matrix run wrote no
// compliance report", exit 1, as if the suite had failed: a stop is the user's, and exits as one.
export const STOPPED_EXIT = 130;

export function matrixNotWritten(playwrightExit: number): { line: string; exitCode: number } {
  if (playwrightExit === STOPPED_EXIT)
    return {
      line: "self-test: stopped (Ctrl-C or SIGTERM) before the matrix run could report; reports/selftest.md is still the last run's",
      exitCode: STOPPED_EXIT,
    };
  return {
    line: `self-test: the matrix run wrote no compliance report (Playwright exit ${playwrightExit}).`,
    exitCode: 1,
  };
}
