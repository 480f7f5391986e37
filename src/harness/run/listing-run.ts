import { hasOption } from './playwright-argv.ts';

// `playwright test --list` collects the tests and runs none. Playwright swaps its own terminal
// reporters for a list of titles, but a file-writing reporter (JUnit, Allure, compliance) would write
// a run in which nothing ran over the last real run's evidence. Reporters run in the runner process,
// so its own arguments say whether this is a listing (argv from the start: node and cli.js read as filters).
export function isListingRun(argv: readonly string[] = process.argv): boolean {
  return hasOption(argv, '--list');
}
