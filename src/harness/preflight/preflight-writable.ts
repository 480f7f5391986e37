import { accessSync, constants, readdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALLURE_REPORT_DIR,
  ALLURE_RESULTS_DIR,
  COMPLIANCE_JSON,
  COMPLIANCE_MD,
  JUNIT_XML,
  OBSERVED_PROFILE_FILE,
  PARTIAL_OBSERVED_PROFILE_FILE,
  QUOTA_JSON,
  RECORDS_NAME,
  REPORTS_DIR,
  TENANT_LEDGER_JSON,
  TEST_RESULTS_DIR,
} from '../../contract/report-files.ts';

// Where a run writes its evidence. A run that could not write there ran every test (a tenant run for
// hours) and then lost its reports with a stack trace; the problem is said before the run starts.
const OUTPUTS = [TEST_RESULTS_DIR, REPORTS_DIR, ALLURE_RESULTS_DIR, ALLURE_REPORT_DIR];

// The files a run writes by these names (src/contract/report-files.ts names them):
// a directory in the place of one failed as EISDIR once the tests had run, after compliance.json
// was written, so the run exited 0 on a report it had not finished, or 2 with the rest lost.
const WRITTEN_FILES: Record<string, string[]> = {
  [TEST_RESULTS_DIR]: [RECORDS_NAME],
  [REPORTS_DIR]: [
    COMPLIANCE_JSON,
    COMPLIANCE_MD,
    JUNIT_XML,
    OBSERVED_PROFILE_FILE,
    PARTIAL_OBSERVED_PROFILE_FILE,
    QUOTA_JSON,
    TENANT_LEDGER_JSON,
  ],
};

// One line per output directory under `root` the run could not write, naming what to fix.
export function unwritableOutputs(root: string): string[] {
  return OUTPUTS.flatMap((name) => {
    const problem = outputProblem(root, name);
    return problem ? [`${name}/ ${problem}`] : [];
  });
}

function outputProblem(root: string, name: string): string | undefined {
  const dir = join(root, name);
  const stat = statOf(dir);
  // Absent: the run makes it.
  if (!stat) return undefined;
  if (!stat.isDirectory())
    return `cannot be written: ${name} is a file, not a directory; move it away or remove it`;
  for (const file of WRITTEN_FILES[name] ?? []) {
    const entry = statOf(join(dir, file));
    if (entry && !entry.isFile())
      return `cannot be written: ${name}/${file} is ${entry.isDirectory() ? 'a directory' : 'not a regular file'}, where the run writes a file; move it away or remove it`;
  }
  // The directory and the files the run replaces in it (its subdirectories are its own to remake).
  const files = readdirSync(dir)
    .filter((entry) => statOf(join(dir, entry))?.isFile())
    .map((entry) => `${name}/${entry}`);
  const blocked = [name, ...files].find((path) => !writable(join(root, path)));
  return blocked
    ? `cannot be written: ${blocked} is read-only for this user; make it writable (chmod -R u+w ${name}) or remove it`
    : undefined;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
