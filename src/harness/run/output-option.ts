import { readdirSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  ALLURE_REPORT_DIR,
  ALLURE_RESULTS_DIR,
  REPORTS_DIR,
  TEST_RESULTS_DIR,
} from '../../common/report-files.ts';
import { optionValues } from './playwright-argv.ts';

// Playwright empties its output directory as a run starts. `npm run conformance -- --output=reports`
// deleted reports/earlier-complete/ (the last complete run's report), and --output naming a directory
// of the user's emptied it, files and sub-directories alike. Refused before anything starts: the
// checkout, the suite's own output directories and anything above them, and a directory holding files
// without .last-run.json (the mark Playwright leaves in an output directory of its own).
const SUITE_OUTPUTS = [TEST_RESULTS_DIR, REPORTS_DIR, ALLURE_RESULTS_DIR, ALLURE_REPORT_DIR];
const PLAYWRIGHT_MARK = '.last-run.json';

export function outputOptionProblem(
  args: readonly string[],
  root: string = process.cwd(),
): string | undefined {
  for (const { name, value } of optionValues(args, ['--output'])) {
    if (value === undefined || value === '' || value.startsWith('-'))
      return `${name} needs a value: --output=DIR, a new or empty directory for Playwright's test artefacts`;
    const dir = resolve(root, value);
    const fix = `name a new or empty directory, or leave --output out (test artefacts go to ${TEST_RESULTS_DIR}/conformance/)`;
    const held = [root, ...SUITE_OUTPUTS.map((o) => resolve(root, o))].find((path) => holds(dir, path));
    if (held)
      return `--output ${value}: Playwright empties its output directory as the run starts, and it holds ${held === root ? 'this checkout' : `${relative(root, held)}/, which the run writes`}: ${fix}`;
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return `--output ${value} is a file, not a directory: ${fix}`;
    const entries = stat ? entriesOf(dir) : [];
    if (entries.length > 0 && !entries.includes(PLAYWRIGHT_MARK))
      return `--output ${value} holds files Playwright did not write, and Playwright empties its output directory as the run starts: ${fix}`;
  }
  return undefined;
}

// `dir` is `path` or a directory above it.
function holds(dir: string, path: string): boolean {
  const inside = relative(dir, path);
  return inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && !/^[a-zA-Z]:/.test(inside));
}

// One it may not read is Playwright's to report (it cannot empty it either).
function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
