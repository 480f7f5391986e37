import { COMPLIANCE_JSON } from '../../common/report-files.ts';
import { schemaProblems } from '../schema-check.ts';
import type { ComplianceReport } from './compliance-report.ts';
import { scrubValue } from './scrub.ts';

// compliance.json: scrubbed once more as a whole (a belt to the per-string braces), then checked
// against compliance-report.schema.json so a reporter bug cannot silently change the public shape.
export function renderJson(report: ComplianceReport): string {
  const clean = scrubValue(report);
  const problems = schemaProblems('compliance-report.schema.json', clean);
  if (problems.length > 0)
    throw new Error(`${COMPLIANCE_JSON} would not match its schema: ${problems.slice(0, 5).join('; ')}`);
  return `${JSON.stringify(clean, null, 2)}\n`;
}
