import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Env } from '../config/read-env.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { embeddedReportFiles } from './embedded-report-files.ts';
import { ENTRA_SECRET_SHAPE } from './entra-secret-shape.ts';
import { PRIVATE_KEY_SHAPE } from './private-key-pem.ts';
import { type Fingerprint, fingerprintsFile, readFingerprints, sha256 } from './secret-fingerprints.ts';
import { isZip, zipEntries } from './zip-entries.ts';

// Redaction is only as good as its last check: after a run, every artefact is searched for the
// configured secrets (src/harness/redaction/configured-secrets.ts), for tokens issued during the run (by
// fingerprint), and for anything shaped like a JWT, an Entra client secret or a PEM private key. A finding names the file and
// what kind of secret it is, never the secret.
export const SCANNED_DIRS = [
  'reports',
  'test-results',
  'allure-results',
  'allure-report',
  'blob-report',
  'playwright-report',
];
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\./;
// The characters a token or secret is made of (base64, base64url, JWT dots): runs of them are hashed.
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.+/=-')
  TOKEN_CHAR[c.charCodeAt(0)] = 1;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface LeakFinding {
  // Relative to the scan root; "file.zip!entry" inside a zip.
  file: string;
  what: string;
}

export interface LeakScanOptions {
  root?: string;
  dirs?: string[];
  // The configuration is read as the run reads it: this environment over the .env file of `cwd`.
  env?: Env;
  cwd?: string;
  fingerprints?: Fingerprint[];
}

export interface LeakScan {
  findings: LeakFinding[];
  // Files too large to read (relative to the root): unchecked, so the caller must say so.
  skipped: string[];
}

interface Needles {
  values: { what: string; forms: string[]; onlyUnder?: string }[];
  fingerprints: Set<string>;
  lengths: Set<number>;
  // The shortest fingerprinted value: shorter runs are not looked at.
  minLength: number;
}

export function scanForLeaks(options: LeakScanOptions = {}): LeakScan {
  return leakScanner(options).scanDirs(options.dirs ?? SCANNED_DIRS);
}

// A file's identity and content when it was found clean: the same file with the same bytes need not be
// scanned again. Bytes, not size and mtime: on kernels before Linux 6.13 a rewrite within one clock
// tick keeps both.
export interface ScannedState {
  dev: number;
  ino: number;
  sha256: string;
}

export interface LeakScanner {
  // `unchanged` says which files (read, not yet scanned) were found clean as they are now.
  scanDirs(dirs: string[], unchanged?: (now: ScannedState) => boolean): LeakScan;
  // One file now, as it is written (the Allure report while it is generated), and what it held.
  scanFile(path: string): { scan: LeakScan; state?: ScannedState };
}

// The needles are read once: the configured secrets and this run's issued-token fingerprints.
export function leakScanner(options: Omit<LeakScanOptions, 'dirs'> = {}): LeakScanner {
  const root = resolve(options.root ?? '.');
  const env = options.env ?? process.env;
  const ownFile = fingerprintsFile(env);
  const fingerprints = options.fingerprints ?? readFingerprints(ownFile);
  const needles = buildNeedles(options.cwd ?? process.cwd(), env, fingerprints);
  const nameOf = (path: string) => relative(root, path).split(sep).join('/');
  return {
    scanDirs(dirs, unchanged) {
      const scan: LeakScan = { findings: [], skipped: [] };
      const seen = new Set<string>();
      for (const dir of dirs) {
        for (const { path, stat } of walk(resolve(root, dir), seen)) {
          if (path === ownFile) continue;
          if (stat.size > MAX_FILE_BYTES) {
            scan.skipped.push(nameOf(path));
            continue;
          }
          const content = readFileSync(path);
          if (unchanged?.(stateOf(stat, content))) continue;
          scan.findings.push(...scanBuffer(content, nameOf(path), needles));
        }
      }
      return scan;
    },
    scanFile(path) {
      const stat = statSync(path, { throwIfNoEntry: false });
      // Gone already, or not a file: the directory walk afterwards decides.
      if (!stat?.isFile()) return { scan: { findings: [], skipped: [] } };
      if (stat.size > MAX_FILE_BYTES) return { scan: { findings: [], skipped: [nameOf(path)] } };
      const content = readFileSync(path);
      return {
        scan: { findings: scanBuffer(content, nameOf(path), needles), skipped: [] },
        state: stateOf(stat, content),
      };
    },
  };
}

function stateOf(stat: Stats, content: Buffer): ScannedState {
  return { dev: stat.dev, ino: stat.ino, sha256: createHash('sha256').update(content).digest('hex') };
}

function buildNeedles(cwd: string, env: Env, fingerprints: Fingerprint[]): Needles {
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
    fingerprints: new Set(fingerprints.map((f) => f.sha256)),
    lengths,
    minLength: Math.min(...lengths),
  };
}

function scanBuffer(buffer: Buffer, name: string, needles: Needles): LeakFinding[] {
  if (isZip(buffer)) {
    try {
      return zipEntries(buffer).flatMap((entry) => scanBuffer(entry.data, `${name}!${entry.name}`, needles));
    } catch {
      // Not a zip after all (or one we cannot read): fall through to a byte scan.
    }
  }
  // latin1 maps every byte to one character, so ASCII secrets match whatever the file's encoding.
  const text = buffer.toString('latin1');
  const found = scanText(text, name, needles).map((what) => ({ file: name, what }));
  for (const embedded of embeddedReportFiles(text))
    found.push(...scanBuffer(embedded.data, `${name}!${embedded.name}`, needles));
  return found;
}

function scanText(text: string, name: string, needles: Needles): string[] {
  const found = new Set<string>();
  for (const needle of needles.values) {
    if (needle.onlyUnder && !name.startsWith(needle.onlyUnder)) continue;
    if (needle.forms.some((form) => text.includes(form))) found.add(needle.what);
  }
  if (JWT_SHAPE.test(text)) found.add('a JWT-shaped token');
  if (text.search(ENTRA_SECRET_SHAPE) >= 0) found.add('an Entra client secret');
  if (PRIVATE_KEY_SHAPE.test(text)) found.add('a PEM private key');
  if (needles.fingerprints.size > 0 && issuedTokenIn(text, needles))
    found.add('a token issued during the run');
  return [...found];
}

// A loop over character codes, not a regular expression: Allure's report is megabytes of script with
// a short run every few characters, and the loop skips them without making a match for each.
function issuedTokenIn(text: string, needles: Needles): boolean {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code < 128 && TOKEN_CHAR[code] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= needles.minLength && runHoldsIssued(text.slice(start, i), needles))
      return true;
    start = -1;
  }
  return false;
}

function runHoldsIssued(run: string, needles: Needles): boolean {
  for (const candidate of [run, ...run.split('.'), ...run.split('=')]) {
    if (needles.lengths.has(candidate.length) && needles.fingerprints.has(sha256(candidate))) return true;
  }
  return false;
}

// A directory that does not exist holds nothing: the default directories need not all be there (a
// caller naming its own checks that they exist first).
// Symbolic links are followed (an artefact upload follows them too), each real file and directory
// once: a link to . would otherwise walk the same tree until the kernel's 40-link limit.
function* walk(path: string, seen: Set<string>): Generator<{ path: string; stat: Stats }> {
  if (!existsSync(path)) return;
  const real = realpathSync(path);
  if (seen.has(real)) return;
  seen.add(real);
  const stat = statSync(real);
  if (stat.isFile()) {
    yield { path, stat };
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path)) yield* walk(join(path, entry), seen);
}

// For a terminal: one line per finding, naming the file; never the secret.
export function formatFinding(finding: LeakFinding): string {
  return `leak-scan: ${finding.file}: ${finding.what}`;
}

export function formatSkipped(file: string): string {
  return `leak-scan: ${file}: not scanned, larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; check it yourself before sharing it`;
}
