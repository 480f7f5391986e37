import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLIANCE_JSON, TARGET_INDEX_JSON } from '../../common/report-files.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';

// The compliance reports a run left in `reportsDir`: each target's of a matrix (targets/index.json),
// the one of a single target, or none.
export function readWrittenReports(reportsDir: string): ComplianceReport[] {
  const index = join(reportsDir, TARGET_INDEX_JSON);
  if (existsSync(index)) {
    const { targets } = JSON.parse(readFileSync(index, 'utf8')) as { targets: { dir: string }[] };
    return targets.map((t) => readJson(join(reportsDir, t.dir, COMPLIANCE_JSON)));
  }
  const single = join(reportsDir, COMPLIANCE_JSON);
  return existsSync(single) ? [readJson(single)] : [];
}

function readJson(file: string): ComplianceReport {
  return JSON.parse(readFileSync(file, 'utf8')) as ComplianceReport;
}
