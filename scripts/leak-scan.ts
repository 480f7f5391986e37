import { formatFinding, SCANNED_DIRS, scanForLeaks } from '../src/harness/redaction/leak-scan.ts';

// npx tsx scripts/leak-scan.ts [dir ...]: fails (exit 1) when a secret, an issued token or a
// JWT-shaped string is found in the run's artefacts. One line per finding, naming the file only.
const dirs = process.argv.slice(2);
const started = Date.now();
const findings = scanForLeaks({ dirs: dirs.length > 0 ? dirs : SCANNED_DIRS });
for (const finding of findings) console.error(formatFinding(finding));
const took = `${Date.now() - started} ms`;
if (findings.length > 0) {
  console.error(
    `leak-scan: ${findings.length} finding(s); treat the artefacts as secret and rotate what leaked.`,
  );
  process.exit(1);
}
console.log(`leak-scan: no secret found in ${(dirs.length > 0 ? dirs : SCANNED_DIRS).join(', ')} (${took})`);
