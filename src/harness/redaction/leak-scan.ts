import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { type Fingerprint, fingerprintsFile, readFingerprints, sha256 } from './secret-fingerprints.ts';
import { isZip, zipEntries } from './zip-entries.ts';

// Redaction is only as good as its last check: after a run, every artefact is searched for the
// configured secrets, for tokens issued during the run (by fingerprint), and for anything shaped like
// a JWT. A finding names the file and what kind of secret it is, never the secret.
export const SCANNED_DIRS = [
  'reports',
  'test-results',
  'allure-results',
  'allure-report',
  'blob-report',
  'playwright-report',
];
const SECRET_VARIABLES = ['MDE_CLIENT_SECRET', 'MDE_LIMITED_CLIENT_SECRET'];
// Client ids are not secrets, but docs/interfaces.md#compliance-json promises the reports never carry them.
const CLIENT_ID_VARIABLES = ['MDE_CLIENT_ID', 'MDE_LIMITED_CLIENT_ID'];
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\./;
const TOKEN_RUN = /[A-Za-z0-9_~.+/=-]{8,}/g;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface LeakFinding {
  // Relative to the scan root; "file.zip!entry" inside a zip.
  file: string;
  what: string;
}

export interface LeakScanOptions {
  root?: string;
  dirs?: string[];
  env?: NodeJS.ProcessEnv;
  fingerprints?: Fingerprint[];
}

interface Needles {
  values: { what: string; forms: string[]; onlyUnder?: string }[];
  fingerprints: Set<string>;
  lengths: Set<number>;
}

export function scanForLeaks(options: LeakScanOptions = {}): LeakFinding[] {
  const root = resolve(options.root ?? '.');
  const env = options.env ?? process.env;
  const ownFile = fingerprintsFile(env);
  const fingerprints = options.fingerprints ?? readFingerprints(ownFile);
  const needles = buildNeedles(env, fingerprints);
  const findings: LeakFinding[] = [];
  for (const dir of options.dirs ?? SCANNED_DIRS) {
    for (const file of walk(join(root, dir))) {
      if (file === ownFile) continue;
      const name = relative(root, file).split(sep).join('/');
      findings.push(...scanBuffer(readFileSync(file), name, needles));
    }
  }
  return findings;
}

function buildNeedles(env: NodeJS.ProcessEnv, fingerprints: Fingerprint[]): Needles {
  const values: Needles['values'] = [];
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= 6) values.push({ what: `the value of ${name}`, forms: formsOf(value) });
  }
  for (const name of CLIENT_ID_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= 6)
      values.push({ what: `the value of ${name}`, forms: formsOf(value), onlyUnder: 'reports/' });
  }
  return {
    values,
    fingerprints: new Set(fingerprints.map((f) => f.sha256)),
    lengths: new Set(fingerprints.map((f) => f.length)),
  };
}

// A secret can be written raw, URL-encoded (a form body) or JSON-escaped.
function formsOf(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
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
  return scanText(buffer.toString('latin1'), name, needles).map((what) => ({ file: name, what }));
}

export function scanText(text: string, name: string, needles: Needles): string[] {
  const found = new Set<string>();
  for (const needle of needles.values) {
    if (needle.onlyUnder && !name.startsWith(needle.onlyUnder)) continue;
    if (needle.forms.some((form) => text.includes(form))) found.add(needle.what);
  }
  if (JWT_SHAPE.test(text)) found.add('a JWT-shaped token');
  if (needles.fingerprints.size > 0 && issuedTokenIn(text, needles))
    found.add('a token issued during the run');
  return [...found];
}

function issuedTokenIn(text: string, needles: Needles): boolean {
  for (const match of text.matchAll(TOKEN_RUN)) {
    const run = match[0];
    const candidates = [run, ...run.split('.'), ...run.split('=')];
    for (const candidate of candidates) {
      if (needles.lengths.has(candidate.length) && needles.fingerprints.has(sha256(candidate))) return true;
    }
  }
  return false;
}

function* walk(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    if (stat.size <= MAX_FILE_BYTES) yield path;
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path)) yield* walk(join(path, entry));
}

// For a terminal: one line per finding, naming the file; never the secret.
export function formatFinding(finding: LeakFinding): string {
  return `leak-scan: ${finding.file}: ${finding.what}`;
}
