import { join } from 'node:path';
import { repoRoot } from '../src/contract/contract-files.ts';
import { getRegistry } from '../src/contract/index.ts';
import { loadSelectedBaseline } from '../src/reporters/baseline.ts';
import { finishRun } from '../src/reporters/finish-run.ts';
import { RECORDS_FILE, readRecords } from '../src/reporters/records-file.ts';
import { writeComplianceReports } from '../src/reporters/write-reports.ts';

// npm run report [-- --single-file] [--records <file>] [--no-allure]
// Rebuilds reports/compliance.json/md (or reports/targets/**), allure-report/ and the leak scan from
// the last run's records, without running a test. MDE_BASELINE applies as in the run.
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const singleFile = args.includes('--single-file') || process.env.MDE_REPORT_SINGLE_FILE === 'true';

try {
  const records = readRecords(join(repoRoot, option('--records') ?? RECORDS_FILE));
  const { exitCode, reports } = writeComplianceReports(records, {
    outDir: join(repoRoot, 'reports'),
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  for (const report of reports)
    console.log(`compliance: ${report.target.name}: exit ${exitCode}: ${report.summary.exitReason}`);
  process.exitCode = await finishRun({ singleFile, skipAllure: args.includes('--no-allure') });
} catch (error) {
  console.error(`report: ${(error as Error).message}`);
  process.exitCode = 2;
}
