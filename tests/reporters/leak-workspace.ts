import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { type LeakScanOptions, scanForLeaks } from '../../src/harness/redaction/leak-scan.ts';
import { tempDir } from '../helpers/temp-dir.ts';

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

// A minimal zip with one deflated entry, as Playwright writes traces (CRC left 0: the scanner ignores it).
export function zip(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
