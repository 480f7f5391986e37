import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLIANCE_JSON, COMPLIANCE_MD } from '../common/report-files.ts';
import type { MatrixIndex, SelftestCase } from './judge-matrix.ts';

// A failed case's line says what went wrong; why is in its target's compliance report, which nothing
// else points to: each failed case with a report gets its path and the first reason it gives.
export function withEvidence(cases: SelftestCase[], outDir: string, index: MatrixIndex): SelftestCase[] {
  return cases.map((c) => {
    const target = c.ok ? undefined : index.targets.find((t) => t.name === c.name);
    if (target?.dir === undefined) return c;
    const dir = join(outDir, target.dir);
    const reason = firstReason(join(dir, COMPLIANCE_JSON), c.requirements ?? []);
    return { ...c, report: join(dir, COMPLIANCE_MD), ...(reason ? { reason } : {}) };
  });
}

type Report = {
  requirements: { id: string; reason?: string }[];
  summary: { errored: number; exitReason: string };
};

// The reason of the first requirement the judgement names that has one (a missed fault's PASS has
// none); else, where tests reached no verdict, the run's own reason, which names the first of them.
function firstReason(file: string, ids: readonly string[]): string | undefined {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return undefined;
  }
  const row = ids.map((id) => report.requirements.find((r) => r.id === id)).find((r) => r?.reason);
  if (row) return `${row.id}: ${row.reason}`;
  return report.summary.errored > 0 ? report.summary.exitReason : undefined;
}
