import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatFinding,
  formatSkipped,
  SCANNED_DIRS,
  scanForLeaks,
} from '../src/harness/redaction/leak-scan.ts';

// npx tsx scripts/leak-scan.ts [dir ...]: fails (exit 1) when a configured secret, an issued token, a
// JWT-shaped string or a PEM private key is found in the run's artefacts. One line per finding, naming
// the file only. A directory named here must exist (exit 2): a typo must not read as a clean scan.
const named = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const missing = named.filter((dir) => !existsSync(resolve(dir)));
if (missing.length > 0) {
  for (const dir of missing)
    console.error(
      `leak-scan: ${dir} does not exist; name directories that hold artefacts, or none for ${SCANNED_DIRS.join(', ')}`,
    );
  process.exit(2);
}
const dirs = named.length > 0 ? named : SCANNED_DIRS;
const started = performance.now();
const { findings, skipped } = scanForLeaks({ dirs });
for (const file of skipped) console.error(formatSkipped(file));
for (const finding of findings) console.error(formatFinding(finding));
const took = `${Math.round(performance.now() - started)} ms`;
if (findings.length > 0) {
  console.error(
    `leak-scan: ${findings.length} finding(s); treat the artefacts as secret and rotate what leaked.`,
  );
  process.exit(1);
}
const unscanned = skipped.length > 0 ? `; ${skipped.length} file(s) too large to scan, above` : '';
console.log(`leak-scan: no secret found in ${dirs.join(', ')} (${took}${unscanned})`);
