import type { ComplianceReport } from '../compliance/compliance-report.ts';
import type { RequirementResult } from '../compliance/requirement-results.ts';

// How compliance.md counts tests. A test that reached no verdict (an exchange lost, a control endpoint
// missing) ran but proved nothing: it is counted apart from those that passed or failed, and the run's
// own errors apart from tests, so the counts read as junit.xml's and Allure's do.

// As junit.xml and Allure count them: summary.errored adds the run's own errors, which are no test.
export function testCounts({ summary, runErrors }: ComplianceReport): string {
  const run = runErrors.length;
  const errors = run > 0 ? `; ${run} run error${run === 1 ? '' : 's'}` : '';
  return `${summary.tests.total} tests, ${summary.tests.errored} errored${errors}`;
}

// The tests that judged the target (passed or failed) of those in the run: one that reached no verdict
// ran but proved nothing, so "3/3" beside an ERROR row would overstate it; it is counted apart.
export function testsCell(r: RequirementResult): string {
  // A run narrowed by --grep knows only its own tests: "0/0" would read as "no test claims it".
  if (r.tests.length === 0) return '–';
  const judged = r.tests.filter((t) => t.outcome === 'passed' || t.outcome === 'failed').length;
  const failed = r.tests.filter((t) => t.outcome === 'failed').length;
  const errored = r.tests.filter((t) => t.outcome === 'errored').length;
  // "FAIL | 3/3" read as three tests passed: how many of those judged failed is said.
  const apart = [failed > 0 ? `${failed} failed` : '', errored > 0 ? `${errored} no verdict` : ''].filter(
    Boolean,
  );
  return `${judged}/${r.tests.length}${apart.length > 0 ? ` (${apart.join(', ')})` : ''}`;
}
