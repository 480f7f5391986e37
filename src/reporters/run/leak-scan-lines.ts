import { formatFinding, formatSkipped } from '../../harness/redaction/leak-scan.ts';
import type { LeakFinding } from '../../harness/redaction/leak-search.ts';

// The leak scan's end of a run: a line per file not scanned and per finding, then the summary.
// Returns whether anything leaked, which is worse than any verdict: the artefacts must not be shared
// until the secret is rotated.
export function logLeakScan(
  findings: LeakFinding[],
  skipped: string[],
  log: (line: string) => void,
): boolean {
  for (const file of skipped) log(formatSkipped(file));
  for (const finding of findings) log(formatFinding(finding));
  const unscanned = skipped.length > 0 ? ` (${skipped.length} not scanned: too large, above)` : '';
  if (findings.length === 0)
    log(`leak-scan: no secret, issued token, JWT or private key found in the artefacts${unscanned}`);
  if (findings.length > 0)
    log(`leak-scan: ${findings.length} finding(s): do not share these artefacts; rotate what leaked.`);
  return findings.length > 0;
}
