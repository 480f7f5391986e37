import { accessSync, constants, readdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';

// Where a run writes its evidence. A run that could not write there ran every test (a tenant run for
// hours) and then lost its reports with a stack trace; the problem is said before the run starts.
const OUTPUTS = ['test-results', 'reports', 'allure-results', 'allure-report'];

// The files a run writes by these names (src/reporters, which this side may not import, names them):
// a directory in the place of one failed as EISDIR once the tests had run, after compliance.json
// was written, so the run exited 0 on a report it had not finished, or 2 with the rest lost.
const WRITTEN_FILES: Record<string, string[]> = {
  'test-results': ['compliance-records.json'],
  reports: [
    'compliance.json',
    'compliance.md',
    'junit.xml',
    'observed-profile.json',
    'observed-profile.partial.json',
    'quota.json',
    'tenant-ledger.json',
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
