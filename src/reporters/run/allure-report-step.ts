import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileWriteError } from '../../common/file-write-error.ts';
import { ALLURE_REPORT_DIR, ALLURE_RESULTS_DIR } from '../../common/report-files.ts';
import {
  type AllureGenerateResult,
  type AllureGenerator,
  startAllureGenerator,
} from '../allure/allure-generate.ts';
import { markAllureResults } from '../allure/allure-marks.ts';
import type { ComplianceReport } from '../compliance/compliance-report.ts';

export interface AllureStep {
  // The generation, running in another process; undefined when there is no report to make.
  generation: Promise<AllureGenerateResult> | undefined;
  // The run left no Allure results and a line has said so: the generator's own line would repeat it.
  saidNoResults: boolean;
}

// A finished run's Allure report: its results marked with the known deviations, then generated
// (the generator started during the run, or one started now) while the caller scans the rest.
// `wroteEvidence`: the run that just ended wrote any (undefined: no run ended here, npm run report).
export function startAllureReportStep(input: {
  root: string;
  reports: ComplianceReport[];
  wroteEvidence: boolean | undefined;
  skipAllure?: boolean;
  allure?: AllureGenerator;
  singleFile?: boolean;
  recordsFile?: string;
  onWritten: (file: string) => void;
  log: (line: string) => void;
}): AllureStep {
  const { root, log } = input;
  // A run that ran no test (a --grep that matched nothing) leaves no Allure results: the report in
  // allure-report/ is then an earlier run's, and would read as this one's beside its compliance report.
  const saidNoResults = input.wroteEvidence === true && !existsSync(join(root, ALLURE_RESULTS_DIR));
  if (saidNoResults) {
    const earlier = existsSync(join(root, ALLURE_REPORT_DIR));
    rmSync(join(root, ALLURE_REPORT_DIR), { recursive: true, force: true });
    log(
      `allure: no test left a result, so no Allure report${earlier ? ` (the earlier run's ${ALLURE_REPORT_DIR}/ was removed)` : ''}`,
    );
  }
  // (Without results, the generator started during the run is told so, and stops.)
  if (input.skipAllure || input.wroteEvidence === false) return { generation: undefined, saidNoResults };
  try {
    markAllureResults(root, input.reports, log);
    const generator =
      input.allure ??
      startAllureGenerator({ singleFile: input.singleFile, cwd: root, recordsFile: input.recordsFile });
    return { generation: generator.generate(input.onWritten), saidNoResults };
  } catch (error) {
    // A full disk: the report would show the tests unmarked; said in one line, and the leak scan
    // still runs. The Allure report is one artefact of several: the verdict stands.
    if (!(error instanceof FileWriteError)) throw error;
    rmSync(join(root, ALLURE_REPORT_DIR), { recursive: true, force: true });
    log(`allure: ${error.message}; no Allure report was made (the compliance report stands)`);
    return { generation: undefined, saidNoResults };
  }
}
