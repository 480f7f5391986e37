import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeDirectory } from '../../common/make-directory.ts';
import { TEST_RESULTS_DIR } from '../../common/report-files.ts';
import { registerSecret } from './redact.ts';
import { secretCore } from './secret-core.ts';

// Tokens issued during a run live in worker memory only, yet the leak scan runs afterwards in another
// process. So each issued secret leaves a SHA-256 fingerprint (and its length, to know which candidate
// strings to hash) in a file; the value itself is never written anywhere.
export const DEFAULT_FINGERPRINTS_FILE = `${TEST_RESULTS_DIR}/.secrets-fingerprints`;

export interface Fingerprint {
  sha256: string;
  length: number;
}

export function fingerprintsFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.MDE_SECRETS_FINGERPRINTS_FILE || DEFAULT_FINGERPRINTS_FILE);
}

export function fingerprint(value: string): Fingerprint {
  const core = secretCore(value);
  return { sha256: sha256(core), length: core.length };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Call for every token the harness obtains (and any secret it generates): the value is redacted from
// everything this process writes, and its fingerprint lets the post-run leak scan find it anywhere.
export function recordIssuedSecret(value: string | undefined, file: string = fingerprintsFile()): void {
  if (!value || value.length < 8) return;
  registerSecret(value);
  const { sha256: hash, length } = fingerprint(value);
  // One short line per append: O_APPEND keeps lines from parallel workers whole. The directory is made
  // only when missing (a self-test worker records thousands of tokens).
  const line = `${hash} ${length}\n`;
  try {
    appendFileSync(file, line);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    makeDirectory(dirname(file));
    appendFileSync(file, line);
  }
}

// Once at the start of a run: the file holds this run's tokens only. Left to grow, it made every later
// leak scan slower (a day of local runs: 250,000 lines, 1.2 s a scan) for tokens long expired.
export function startFingerprints(file: string = fingerprintsFile()): void {
  rmSync(file, { force: true });
}

export function readFingerprints(file: string = fingerprintsFile()): Fingerprint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([hash, length]) => /^[0-9a-f]{64}$/.test(hash ?? '') && Number(length) > 0)
    .map(([hash, length]) => ({ sha256: hash!, length: Number(length) }));
}
