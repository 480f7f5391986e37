import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  ALLURE_REPORT_DIR,
  ALLURE_RESULTS_DIR,
  REPORTS_DIR,
  TEST_RESULTS_DIR,
} from '../../common/report-files.ts';
import type { Env } from '../config/read-env.ts';
import { buildNeedles, type LeakFinding, MAX_INFLATED_BYTES, scanBuffer, scanLimits } from './leak-search.ts';
import { type Fingerprint, fingerprintsFile, readFingerprints } from './secret-fingerprints.ts';

// Redaction is only as good as its last check: after a run, every artefact is searched for the
// configured secrets (src/harness/redaction/configured-secrets.ts), for tokens issued during the run (by
// fingerprint), and for anything shaped like a JWT, an Entra client secret or a PEM private key. A finding names the file and
// what kind of secret it is, never the secret.
export const SCANNED_DIRS = [
  REPORTS_DIR,
  TEST_RESULTS_DIR,
  ALLURE_RESULTS_DIR,
  ALLURE_REPORT_DIR,
  'blob-report',
  'playwright-report',
];
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface LeakScanOptions {
  root?: string;
  dirs?: string[];
  // The configuration is read as the run reads it: this environment over the .env file of `cwd`.
  env?: Env;
  cwd?: string;
  fingerprints?: Fingerprint[];
  // How far one artefact's zip entries may inflate (default MAX_INFLATED_BYTES); tests set less.
  maxInflatedBytes?: number;
}

export interface LeakScan {
  findings: LeakFinding[];
  // Files too large to read (relative to the root), and zip entries too large to inflate
  // ("trace.zip!trace.network"): unchecked, so the caller must say so (formatSkipped).
  skipped: string[];
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
  // Bytes found clean, by their SHA-256: the same bytes hold the same secrets in any file. The Allure
  // report links most of its files to allure-results/ (attachment-sources.mjs), scanned just before.
  const cleanBytes = new Set<string>();
  const scanContent = (content: Buffer, { sha256 }: ScannedState, name: string): LeakScan => {
    if (cleanBytes.has(sha256)) return { findings: [], skipped: [] };
    const limits = scanLimits(options.maxInflatedBytes);
    const findings = scanBuffer(content, name, needles, limits);
    if (findings.length === 0 && limits.unscanned.length === 0) cleanBytes.add(sha256);
    return { findings, skipped: limits.unscanned };
  };
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
          const state = stateOf(stat, content);
          if (unchanged?.(state)) continue;
          const { findings, skipped } = scanContent(content, state, nameOf(path));
          scan.findings.push(...findings);
          scan.skipped.push(...skipped);
        }
      }
      return scan;
    },
    scanFile(path) {
      // Opened first, then read through the descriptor: Allure moves its plugin's directory as it ends,
      // and a file stat'ed by path and then read by path could be gone in between (ENOENT, a run's exit 2).
      const fd = openIfThere(path);
      // Gone already, or not a file: the directory walk afterwards decides.
      if (fd === undefined) return { scan: { findings: [], skipped: [] } };
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) return { scan: { findings: [], skipped: [] } };
        if (stat.size > MAX_FILE_BYTES) return { scan: { findings: [], skipped: [nameOf(path)] } };
        const content = readFileSync(fd);
        const state = stateOf(stat, content);
        return { scan: scanContent(content, state, nameOf(path)), state };
      } finally {
        closeSync(fd);
      }
    },
  };
}

function stateOf(stat: Stats, content: Buffer): ScannedState {
  return { dev: stat.dev, ino: stat.ino, sha256: createHash('sha256').update(content).digest('hex') };
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
  // The scan names a zip entry after its file, "trace.zip!trace.network".
  if (file.includes('!'))
    return `leak-scan: ${file}: not scanned, it would inflate past ${MAX_INFLATED_BYTES / 1024 / 1024} MB (with the file's other entries); check it yourself before sharing it`;
  return `leak-scan: ${file}: not scanned, larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; check it yourself before sharing it`;
}

function openIfThere(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
