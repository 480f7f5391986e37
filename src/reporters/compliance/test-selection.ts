import { playwrightArgv } from '../../harness/run/playwright-argv.ts';

// How the run's command line narrowed the tests it selected: --grep, --grep-invert, files, --last-failed,
// --only-changed, a test list. Playwright hands reporters only the tests it kept, so a run that kept one
// of CANCEL.FINAL's three tests reported "PASS 1/1" under a "Conforming" headline, as if whole: its
// verdicts rest only on what was selected, and the reports say so (compliance-report.ts, headline.ts).
// --project is not counted: a target whose project is left out has no test, which notRun says already.

// Playwright's options that narrow the selection, by their long names. Which option takes a value, and
// so which argument is a file filter, is the one reading of the command line (playwright-argv.ts).
const NARROWING = new Set([
  '--grep',
  '--grep-invert',
  '--last-failed',
  '--only-changed',
  '--test-list',
  '--test-list-invert',
]);

// One entry per narrowing option or file filter, as given ("--grep-invert Failed", "-g @must",
// "tests/x.spec.ts"). argv is the runner's: [node, cli.js, 'test', ...options].
export function testSelection(argv: readonly string[] = process.argv): string[] {
  const start = argv.indexOf('test', 1);
  if (start < 0) return [];
  const said: string[] = [];
  for (const token of playwrightArgv(argv.slice(start + 1))) {
    if (token.kind === 'filter') said.push(token.value);
    else if (token.kind === 'option' && NARROWING.has(token.name)) {
      const value = token.values[0];
      said.push(value === undefined ? token.written : `${token.written} ${value}`);
    }
  }
  return said;
}
