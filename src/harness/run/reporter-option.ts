import { isListingRun } from './listing-run.ts';

// Playwright's --reporter replaces the configured reporters, the redacting one among them
// (src/reporters/redacting-reporter.ts, first so that every other reads Playwright's errors scrubbed):
// `npm run conformance -- --reporter=list` printed an expect() quoting an echoed token as it was, and
// wrote no compliance report while the last run's stayed. --add-reporter adds one after them. A
// listing (--list) runs nothing and shows no error, so it may choose its own.
export function reporterOptionProblem(args: readonly string[]): string | undefined {
  if (isListingRun(args)) return undefined;
  for (const arg of args) {
    if (arg === '--') return undefined;
    if (arg === '--reporter' || arg.startsWith('--reporter='))
      return "--reporter would replace the run's reporters (the redaction of Playwright's errors, the compliance reports, JUnit, Allure): use --add-reporter to add one beside them";
  }
  return undefined;
}
