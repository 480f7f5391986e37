import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../../common/write-whole.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';

// allure-playwright knows pass and fail; the compliance records know more. Before `allure generate`:
// - a test that reached no verdict (a lost exchange, a failed set-up, a suite error) is 'broken',
//   Allure's word for "not a failure of the system under test";
// - a failure of a baseline's known deviation is marked known (Allure shows it as accepted and leaves
//   it out of its quality gate). Allure's own rules cannot match on a label, hence this step.
export function applyAllureStatuses(
  resultsDir: string,
  reports: ComplianceReport[],
): { broken: number; known: number; failed: number } {
  const counts = { broken: 0, known: 0, failed: 0 };
  if (!existsSync(resultsDir)) return counts;
  const byTarget = new Map(reports.map((r) => [r.target.name, r]));
  const only = reports.length === 1 ? reports[0] : undefined;
  for (const name of readdirSync(resultsDir).filter((n) => n.endsWith('-result.json'))) {
    const file = join(resultsDir, name);
    const result = readResult(file);
    // Cut short by a full disk (allure-playwright says how many it could not write): Allure skips it too.
    if (!result) continue;
    // A skipped test may have reached no verdict too (a scan the configuration refuses: target.fixtures.ts).
    const report = byTarget.get(labelValues(result, 'target')[0] ?? '') ?? only;
    if (!report) continue;
    const ids = labelValues(result, 'requirement');
    const requirements = report.requirements.filter((r) => ids.includes(r.id));
    // A retry that passed after an attempt's contract violation: the test failed (record-from-test.ts).
    if (result.status === 'passed') {
      const retried = requirements
        .flatMap((r) => r.tests)
        .find((t) => t.title === result.name && t.flaky && t.outcome === 'failed');
      if (!retried) continue;
      // The row's reason, when it is this test's (it names the attempt that failed).
      const line = requirements.map((r) => r.reason).find((r) => r?.startsWith(`${result.name ?? ''}:`));
      result.status = 'failed';
      result.statusDetails = {
        ...result.statusDetails,
        message: line ?? `${result.name}: an earlier attempt failed a contract check; a retry passed`,
      };
      counts.failed += 1;
      writeWhole(file, JSON.stringify(result));
      continue;
    }
    if (result.status !== 'failed' && result.status !== 'broken' && result.status !== 'skipped') continue;
    const errored = requirements.some((r) =>
      r.tests.some((t) => t.title === result.name && t.outcome === 'errored'),
    );
    const deviation = requirements.find((r) => r.baseline?.status === 'known')?.baseline;
    let changed = false;
    if (errored && result.status !== 'broken') {
      result.status = 'broken';
      counts.broken += 1;
      changed = true;
    } else if (deviation && result.status !== 'skipped' && !result.statusDetails?.known) {
      result.statusDetails = { ...result.statusDetails, known: true };
      if (deviation.link)
        result.links = [
          ...(result.links ?? []),
          { type: 'issue', url: deviation.link, name: 'known deviation' },
        ];
      counts.known += 1;
      changed = true;
    }
    if (changed) writeWhole(file, JSON.stringify(result));
  }
  return counts;
}

interface AllureResult {
  name?: string;
  status?: string;
  statusDetails?: Record<string, unknown>;
  labels?: { name: string; value: string }[];
  links?: { type?: string; url: string; name?: string }[];
}

function readResult(file: string): AllureResult | undefined {
  try {
    const result = JSON.parse(readFileSync(file, 'utf8')) as AllureResult | null;
    return result && typeof result === 'object' ? result : undefined;
  } catch {
    return undefined;
  }
}

function labelValues(result: AllureResult, name: string): string[] {
  return (result.labels ?? []).filter((l) => l.name === name).map((l) => l.value);
}
