import { isListingRun } from './listing-run.ts';
import { optionValues } from './playwright-argv.ts';

// Playwright's --reporter replaces the configured reporters, the redacting one among them
// (src/reporters/run/redacting-reporter.ts, first so that every other reads Playwright's errors scrubbed):
// `npm run conformance -- --reporter=list` would print an expect() quoting an echoed token as it is, and
// write no compliance report while the last run's stayed. --add-reporter adds one after them. A
// listing (--list) runs nothing and shows no error, so it may choose its own.
const REFUSED =
  "--reporter would replace the run's reporters (the redaction of Playwright's errors, the compliance reports, JUnit, Allure)";
// The console's reporter (playwright.config.ts): asked for again with --add-reporter, it would print
// every test twice.
const CONSOLE = 'list';

export function reporterOptionProblem(args: readonly string[]): string | undefined {
  if (isListingRun(args)) return undefined;
  for (const { value } of optionValues(args, ['--reporter'])) return advice(value);
  return undefined;
}

function advice(value: string | undefined): string {
  const asked = (value ?? '').split(',').filter((name) => name && !name.startsWith('-'));
  if (asked.length === 0) return `${REFUSED}: use --add-reporter to add one beside them`;
  const others = asked.filter((name) => name !== CONSOLE);
  if (others.length === 0)
    return `${REFUSED}; the console already shows Playwright's list reporter: leave --reporter=${value} out`;
  const console = others.length < asked.length ? ' (the console already shows list)' : '';
  return `${REFUSED}: use --add-reporter=${others.join(',')} to add ${others.length === 1 ? 'it' : 'them'} beside the run's${console}`;
}
