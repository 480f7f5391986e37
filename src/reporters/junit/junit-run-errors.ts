import type { RunError } from '../records/test-record.ts';
import { type JunitDocument, type JunitSuite, xmlText } from './junit-xml.ts';

// The run's own errors (a target that never answered the preflight, a worker that crashed, a test file
// that would not load) belong to no test, so Playwright's JUnit file does not show them: a CI's test
// view read "0 tests" or all green for a run that exited 2 or 3. Each is written as an errored case of
// one more suite, so junit.xml tells what compliance.json does; its name stays the same from run to run.
const RUN_ERRORS_SUITE = 'run errors';

// `document` with its run-errors suite made from `runErrors` (an earlier one, a shard's or a re-read
// file's, replaced); none when there are none. Returns whether anything changed.
export function withRunErrors(document: JunitDocument, runErrors: readonly RunError[], at: Date): boolean {
  const before = document.suites.length;
  document.suites = document.suites.filter((s) => s.name !== RUN_ERRORS_SUITE);
  if (runErrors.length > 0) document.suites.push(runErrorsSuite(runErrors, at));
  return before !== document.suites.length || runErrors.length > 0;
}

function runErrorsSuite(runErrors: readonly RunError[], at: Date): JunitSuite {
  const seen = new Map<string, number>();
  const cases = runErrors.map(({ category, line }) => {
    // The category names the case; a second of a kind is numbered, so no two cases read alike.
    const n = (seen.get(category) ?? 0) + 1;
    seen.set(category, n);
    const name = n > 1 ? `${category} ${n}` : category;
    const text = xmlText(line);
    return {
      kind: 'error' as const,
      time: 0,
      classname: RUN_ERRORS_SUITE,
      name,
      xml: `<testcase name="${xmlText(name)}" classname="${RUN_ERRORS_SUITE}" time="0">\n<error message="${text}" type="${category}">\n${text}\n</error>\n</testcase>`,
    };
  });
  return {
    name: RUN_ERRORS_SUITE,
    attributes: `name="${RUN_ERRORS_SUITE}" timestamp="${at.toISOString()}" hostname="run"`,
    time: 0,
    cases,
  };
}
