import { readFileSync } from 'node:fs';
import { COMPLIANCE_JSON, TARGET_INDEX_JSON } from '../common/report-files.ts';
import type { MatrixIndex } from './judge-matrix.ts';

// The verdicts of a self-test run in `dir`: a run of several targets writes targets/index.json; a run
// narrowed to one target writes a single compliance.json, read into the same shape.
export function readMatrixIndex(dir: string): MatrixIndex | undefined {
  try {
    return JSON.parse(readFileSync(`${dir}/${TARGET_INDEX_JSON}`, 'utf8')) as MatrixIndex;
  } catch {}
  try {
    const report = JSON.parse(readFileSync(`${dir}/${COMPLIANCE_JSON}`, 'utf8')) as {
      target: { name: string };
      summary: { errored: number };
      requirements: { id: string; verdict: string }[];
    };
    const verdicts = Object.fromEntries(report.requirements.map((r) => [r.id, r.verdict]));
    return { targets: [{ name: report.target.name, dir: '', verdicts, summary: report.summary }] };
  } catch {
    return undefined;
  }
}
