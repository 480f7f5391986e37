import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { scriptArgs } from '../src/common/script-args.ts';
import { ConfigError } from '../src/harness/errors.ts';
import {
  formatFinding,
  formatSkipped,
  SCANNED_DIRS,
  scanForLeaks,
} from '../src/harness/redaction/leak-scan.ts';

// The one description of the command line; docs/reports.md#leak-scan says what is looked for.
const USAGE = `Usage: npm run leak-scan -- [DIR...]

Searches the run's artefacts, zip entries too, for configured secrets, private keys, tokens issued
during the run, and anything shaped like a JWT, an Entra client secret or a PEM private key. One line
per finding, naming the file and the kind, never the value. Exits 0 when clean, 1 on a finding (treat
the artefacts as secret, rotate what leaked), 2 for a directory that does not exist (a typo must not
read as a clean scan).

  DIR...   directories to scan instead of the default ones:
           ${SCANNED_DIRS.join(', ')}
  --help   this text

Docs: docs/reports.md#leak-scan, docs/interfaces.md#commands`;

let named: string[];
try {
  named = scriptArgs(USAGE, { allowPositionals: true }).positionals;
} catch (error) {
  console.error(`leak-scan: ${(error as Error).message}`);
  process.exit(2);
}
// A typo, or a named pipe or device (which the walk passes over), must not read as a clean scan.
const problems = named.flatMap((dir) => {
  const found = existsSync(resolve(dir)) ? statSync(resolve(dir)) : undefined;
  if (found?.isDirectory() || found?.isFile()) return [];
  return [`${dir} ${found ? 'is neither a directory nor a file' : 'does not exist'}`];
});
if (problems.length > 0) {
  for (const problem of problems)
    console.error(
      `leak-scan: ${problem}; name directories that hold artefacts, or none for ${SCANNED_DIRS.join(', ')}`,
    );
  process.exit(2);
}
const dirs = named.length > 0 ? named : SCANNED_DIRS;
const started = performance.now();
let scan: ReturnType<typeof scanForLeaks>;
try {
  scan = scanForLeaks({ dirs });
} catch (error) {
  // The configured secrets come from the environment and .env: one that cannot be read is named.
  if (!(error instanceof ConfigError)) throw error;
  for (const line of error.lines()) console.error(`leak-scan: ${line}`);
  process.exit(2);
}
const { findings, skipped } = scan;
for (const file of skipped) console.error(formatSkipped(file));
for (const finding of findings) console.error(formatFinding(finding));
const took = `${Math.round(performance.now() - started)} ms`;
if (findings.length > 0) {
  console.error(
    `leak-scan: ${findings.length} finding(s); treat the artefacts as secret and rotate what leaked.`,
  );
  process.exit(1);
}
const unscanned = skipped.length > 0 ? `; ${skipped.length} not scanned: too large, above` : '';
console.log(`leak-scan: no secret found in ${dirs.join(', ')} (${took}${unscanned})`);
