import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from './compliance-report.ts';

// Allure 3 treats a result with statusDetails.known as an accepted failure (shown as known, left out
// of its quality gate). Allure's own resolution rules cannot match on a label, so the known deviations
// of the baseline are written into the results before `allure generate`, from the compliance verdicts.
export function markKnownDeviations(resultsDir: string, reports: ComplianceReport[]): number {
  if (!existsSync(resultsDir)) return 0;
  const known = new Map<string, Map<string, { reason: string; link?: string }>>();
  for (const report of reports) {
    const ids = new Map<string, { reason: string; link?: string }>();
    for (const r of report.requirements)
      if (r.baseline?.status === 'known') ids.set(r.id, { reason: r.baseline.reason, link: r.baseline.link });
    known.set(report.target.name, ids);
  }
  let marked = 0;
  for (const name of readdirSync(resultsDir).filter((n) => n.endsWith('-result.json'))) {
    const file = join(resultsDir, name);
    const result = JSON.parse(readFileSync(file, 'utf8')) as AllureResult;
    if (result.status !== 'failed' && result.status !== 'broken') continue;
    const target = labelValues(result, 'target')[0] ?? '';
    const ids = known.get(target) ?? (reports.length === 1 ? known.values().next().value : undefined);
    const deviation = labelValues(result, 'requirement')
      .map((id) => ids?.get(id))
      .find(Boolean);
    if (!deviation || result.statusDetails?.known) continue;
    result.statusDetails = { ...result.statusDetails, known: true };
    if (deviation.link)
      result.links = [
        ...(result.links ?? []),
        { type: 'issue', url: deviation.link, name: 'known deviation' },
      ];
    writeFileSync(file, JSON.stringify(result));
    marked += 1;
  }
  return marked;
}

interface AllureResult {
  status?: string;
  statusDetails?: Record<string, unknown>;
  labels?: { name: string; value: string }[];
  links?: { type?: string; url: string; name?: string }[];
}

function labelValues(result: AllureResult, name: string): string[] {
  return (result.labels ?? []).filter((l) => l.name === name).map((l) => l.value);
}
