import { exitAfterOutput } from '../src/common/exit-after-output.ts';
import { scriptArgs } from '../src/common/script-args.ts';
import {
  compareProfiles,
  contractsApart,
  type ProfileDocument,
  ProfileFormatError,
} from '../src/contract/index.ts';
import { readProfileFile } from '../src/emulator/profiles/profile-document.ts';
import { comparisonExitCode, comparisonText } from '../src/reporters/observed/profile-comparison-text.ts';

// The one description of the command line; docs/calibration.md#compare says the rest.
const USAGE = `Usage: npm run profile:compare -- A B

Compares two profiles point by point: two observed profiles (reports/observed-profile.json of two
runs), or one with a hand-written or built-in profile file (src/emulator/profiles/*.profile.json).
Prints the open points that differ (both readings, per case where a point has cases), those only one
side read, those that read the same, and a count. Readings are compared by meaning: a per-case
reading whose cases agree equals the simple form.

Exits 0 when no point read by both differs, 1 when one does, 2 for a file that is missing, not JSON
or not a profile. Files observed under different contracts (source.contractHash) are compared with a
warning: a point may differ because the suite reads it otherwise.

  A, B     the profile files (relative to the repository root, as npm runs scripts from there)
  --help   this text

Docs: docs/calibration.md#compare, docs/interfaces.md#commands`;

const NOT_A_PROFILE =
  '; name a profile: reports/observed-profile.json of a run, or a file in its format (docs/calibration.md#format)';

function main(): number {
  let files: string[];
  try {
    files = scriptArgs(USAGE, { allowPositionals: true }).positionals;
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (files.length !== 2)
    return refuse(`give two profile files to compare, got ${files.length} (see --help)`);
  const documents: ProfileDocument[] = [];
  for (const file of files) {
    try {
      documents.push(readProfileFile(file));
    } catch (error) {
      if (!(error instanceof ProfileFormatError)) throw error;
      // A file that is no profile at all (compliance.json, a YAML file named by mistake): say what is
      // meant. A profile with a bad point, a newer version or past 1 MB is told its own fix alone.
      const notAProfile = /^: (the document: |not valid JSON)/.test(error.message.slice(file.length));
      return refuse(`${error.message}${notAProfile ? NOT_A_PROFILE : ''}`);
    }
  }
  const [a, b] = [
    { file: files[0]!, document: documents[0]! },
    { file: files[1]!, document: documents[1]! },
  ];
  const apart = contractsApart(a.document, b.document);
  if (apart)
    console.error(
      `profile:compare: warning: A was observed under contract ${apart[0]} and B under ${apart[1]}: ` +
        'a point may differ because the suite reads it otherwise, not because the target changed; ' +
        "run the suite against the older one's target again to compare under one contract",
    );
  const points = compareProfiles(a.document, b.document);
  for (const line of comparisonText(a, b, points)) console.log(line);
  return comparisonExitCode(points);
}

function refuse(line: string): number {
  console.error(`profile:compare: ${line}`);
  return 2;
}

try {
  exitAfterOutput(main());
} catch (error) {
  // Never a stack trace to a user: one line, and DEBUG=1 for the stack.
  console.error(`profile:compare: ${(error as Error).message}`);
  if (process.env.DEBUG) console.error((error as Error).stack);
  exitAfterOutput(2);
}
