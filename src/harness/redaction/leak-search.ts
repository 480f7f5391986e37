import { ENTRA_SECRET_SHAPE } from '../../contract/entra-secret-shape.ts';
import type { Env } from '../config/read-env.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { embeddedReportFiles } from './embedded-report-files.ts';
import { hiddenCopies } from './hidden-copies.ts';
import { PRIVATE_KEY_SHAPE } from './private-key-pem.ts';
import type { Fingerprint } from './secret-fingerprints.ts';
import { type IssuedFingerprints, runHoldsIssued, tokenRuns } from './token-runs.ts';
import { type InflateBudget, isZip, localZipEntries, type ZipEntry, zipEntries } from './zip-entries.ts';

// The search of one file's bytes for leaks (leak-scan.ts finds the files): the configured secrets,
// the tokens issued during the run (by fingerprint), and anything shaped like a JWT, an Entra client
// secret or a PEM private key, inside zip entries and the files a report embeds too.

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\./;

export interface LeakFinding {
  // Relative to the scan root; "file.zip!entry" inside a zip.
  file: string;
  what: string;
}

// What is searched for, built once per scanner.
export interface Needles {
  values: { what: string; forms: string[]; onlyUnder?: string }[];
  issued: IssuedFingerprints;
}

export function buildNeedles(cwd: string, env: Env, fingerprints: Fingerprint[]): Needles {
  // Client ids are not secrets, but docs/interfaces.md#compliance-json promises the reports never carry them.
  const values = configuredSecrets(cwd, env).map(({ what, kind, forms }) => ({
    what,
    forms,
    ...(kind === 'client-id' ? { onlyUnder: 'reports/' } : {}),
  }));
  // The few distinct lengths, not every fingerprint, go into Math.min: a file may hold many thousands.
  const lengths = new Set(fingerprints.map((f) => f.length));
  return {
    values,
    issued: {
      hashes: new Set(fingerprints.map((f) => f.sha256)),
      lengths,
      minLength: Math.min(...lengths),
      digests: new Map(),
    },
  };
}

// What one file's scan could not read: zip entries that would inflate past its budget ("a.zip!entry").
export interface ScanLimits {
  inflate: InflateBudget;
  unscanned: string[];
}

// An artefact's zip entries inflate to 256 MB at most, all together: a small zip bomb in an
// attachment inflated without end and took the machine's memory. Below V8's longest string, too.
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

export function scanLimits(maxInflated = MAX_INFLATED_BYTES): ScanLimits {
  return { inflate: { left: maxInflated }, unscanned: [] };
}

// The leaks in one file's bytes, named after the file (and the zip entry or embedded file holding them).
// Entries left unread are added to `limits.unscanned`, for the caller to name.
export function scanBuffer(
  buffer: Buffer,
  name: string,
  needles: Needles,
  limits: ScanLimits = scanLimits(),
): LeakFinding[] {
  const scanEntry = (entry: ZipEntry) => {
    if (entry.overBudget) limits.unscanned.push(`${name}!${entry.name}`);
    return scanBuffer(entry.data, `${name}!${entry.name}`, needles, limits);
  };
  if (isZip(buffer)) {
    try {
      return zipEntries(buffer, limits.inflate).flatMap(scanEntry);
    } catch {
      // Cut short, or not a zip after all: its local entries, then a byte scan of it all.
      const entries = localZipEntries(buffer, limits.inflate).flatMap(scanEntry);
      const seen = new Set(entries.map((f) => f.what));
      return [...entries, ...scanBytes(buffer, name, needles, limits).filter((f) => !seen.has(f.what))];
    }
  }
  return scanBytes(buffer, name, needles, limits);
}

function scanBytes(buffer: Buffer, name: string, needles: Needles, limits: ScanLimits): LeakFinding[] {
  // latin1 maps every byte to one character, so ASCII secrets match whatever the file's encoding.
  const text = buffer.toString('latin1');
  const inside: LeakFinding[] = [];
  for (const embedded of embeddedReportFiles(text))
    inside.push(...scanBuffer(embedded.data, `${name}!${embedded.name}`, needles, limits));
  // A secret an embedded file holds is in its container's base64 text too, where a configured
  // secret's base64 forms (base64-forms.ts) find it again: named once, by the embedded file.
  const named = new Set(inside.map((f) => f.what));
  const found = scanText(text, name, needles)
    .filter((what) => !named.has(what))
    .map((what) => ({ file: name, what }));
  return [...found, ...inside];
}

// The text, then its copies with hidden forms decoded (hidden-copies.ts): a target may echo a secret
// JSON-escaped character by character, as HTML references, URL-encoded twice, cut over lines, or an
// issued token base64-encoded, which no registered form and no fingerprinted run matches.
// Client ids (the needles `onlyUnder` reports/) only as written: they are no secret, and the reports'
// scrub (src/reporters/compliance/scrub.ts) replaces them only so; found in a decoded copy, a report the suite
// wrote itself failed a clean run (exit 4).
function scanText(text: string, name: string, needles: Needles): string[] {
  const found = new Set<string>();
  scanCopy(text, name, needles, found, true);
  for (const copy of hiddenCopies(text, false)) scanCopy(copy.text, name, needles, found, false);
  return [...found];
}

function scanCopy(text: string, name: string, needles: Needles, found: Set<string>, raw: boolean): void {
  for (const needle of needles.values) {
    if (needle.onlyUnder && (!raw || !name.startsWith(needle.onlyUnder))) continue;
    if (!found.has(needle.what) && needle.forms.some((form) => text.includes(form))) found.add(needle.what);
  }
  if (JWT_SHAPE.test(text)) found.add('a JWT-shaped token');
  if (text.search(ENTRA_SECRET_SHAPE) >= 0) found.add('an Entra client secret');
  if (PRIVATE_KEY_SHAPE.test(text)) found.add('a PEM private key');
  if (needles.issued.hashes.size > 0 && issuedTokenIn(text, needles))
    found.add('a token issued during the run');
}

function issuedTokenIn(text: string, needles: Needles): boolean {
  for (const [start, end] of tokenRuns(text, needles.issued.minLength))
    if (runHoldsIssued(text.slice(start, end), needles.issued)) return true;
  return false;
}
