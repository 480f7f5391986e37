import { statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { jsonSyntaxWhere } from '../../common/json-syntax-error.ts';
import { npmStartDirHint } from '../../common/npm-start-dir.ts';
import { readUserFile, UserFileError } from '../../common/regular-file.ts';
import {
  OBSERVED_PROFILE_FILE,
  PARTIAL_OBSERVED_PROFILE_FILE,
  REPORTS_DIR,
} from '../../common/report-files.ts';
import { unexpandedPathHint } from '../../common/unexpanded-path.ts';
import { unreadableFile } from '../../common/unreadable-file.ts';
import { parseUserJson } from '../../common/user-json.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import {
  contractHash,
  ProfileFormatError,
  parseProfile,
  profileContractWarning,
} from '../../contract/index.ts';
import { profileSizeProblem } from '../../contract/profile-size.ts';

// MDE_EMULATOR_PROFILE_FILE: checked here, as the emulator will read it (JSON, the profile format), so
// a bad file stops the run before any emulator starts. One sentence, naming the point at fault.
export function profileFileProblem(path: string): string | undefined {
  if (writtenByTheRun(path))
    return `names ${path}, which this run replaces with what it observes of the embedded emulator: copy it out of ${REPORTS_DIR}/ (e.g. to calibration/staging.profile.json) and name the copy`;
  let bytes: Buffer;
  try {
    const tooLarge = profileSizeProblem(statSync(path).size);
    if (tooLarge) return `names ${path}: ${tooLarge}`;
    bytes = readUserFile(path);
  } catch (error) {
    if (error instanceof UserFileError) return `names ${path}: ${error.problem}`;
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `names ${path}, which does not exist; point it at a profile, e.g. a copy of a tenant run's ${REPORTS_DIR}/${OBSERVED_PROFILE_FILE}${npmStartDirHint(path)}${unexpandedPathHint(path)}`
      : `names ${path}: ${unreadableFile(error)}`;
  }
  let data: unknown;
  try {
    data = parseUserJson(bytes);
  } catch (error) {
    return `names ${path}, which is not valid JSON (${jsonSyntaxWhere(error)})`;
  }
  try {
    parseProfile(data, path, { quote: false });
    return undefined;
  } catch (error) {
    if (!(error instanceof ProfileFormatError)) throw error;
    return `is not a valid profile: ${error.message}`;
  }
}

// An observed profile the run itself writes or removes (reports/observed-profile.json, its .partial,
// a target's under reports/targets/, the earlier complete run's): started from a tenant's, the run
// replaced it with the emulator's, whose readings then stood for the tenant's unknown points.
function writtenByTheRun(path: string): boolean {
  const full = resolve(path);
  const inside = relative(resolve(repoRoot, REPORTS_DIR), full);
  const written = [OBSERVED_PROFILE_FILE, PARTIAL_OBSERVED_PROFILE_FILE].includes(basename(full));
  return written && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

// The warning lines of a profile file that passed profileFileProblem: one observed under another
// contract (profile-contract.ts). None for a file that cannot be read: its problem was said already.
export function profileFileWarnings(path: string | undefined): string[] {
  if (!path) return [];
  try {
    const document = parseProfile(parseUserJson(readUserFile(path)), path, { quote: false });
    const warning = profileContractWarning(document, path, contractHash());
    return warning ? [warning] : [];
  } catch {
    return [];
  }
}
