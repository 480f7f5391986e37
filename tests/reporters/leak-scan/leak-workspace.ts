import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LeakScanOptions, scanForLeaks } from '../../../src/harness/redaction/leak-scan.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { zipOf } from '../../helpers/zip-file.ts';

// What the leak-scan specs plant, and the throw-away run directory they plant it in.
export const SECRET = 'Qx8~planted.Secret_value-123';
export const TOKEN = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.${'A1b2C3d4'.repeat(6)}`;
// An opaque (non-JWT) token an emulator might issue: only its fingerprint can find it.
export const OPAQUE = 'opaque-token-7f3c9a1e5b2d4f6a8c0e';

// Removed after each test by the spec's `test.afterEach(removeTempDirs)`.
export function workspace(): { root: string; fingerprints: string; env: NodeJS.ProcessEnv } {
  const root = tempDir('leak-scan-');
  for (const dir of ['reports', 'test-results', 'allure-results']) mkdirSync(join(root, dir));
  const fingerprints = join(root, 'test-results', '.secrets-fingerprints');
  return {
    root,
    fingerprints,
    env: { MDE_CLIENT_SECRET: SECRET, MDE_SECRETS_FINGERPRINTS_FILE: fingerprints },
  };
}

// Hermetic: the working directory (where .env is read) is the temporary root, not the repository.
export function scan(options: LeakScanOptions & { root: string }) {
  return scanForLeaks({ cwd: options.root, ...options });
}

// A minimal zip with one deflated entry, as Playwright writes traces.
export function zip(name: string, content: string): Buffer {
  return zipOf([{ name, content: Buffer.from(content) }], true);
}
