import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../contract/contract-files.ts';
import { contractHash } from '../contract/index.ts';

// Which suite and which contract produced a report, so two reports can be compared honestly.
export function suiteInfo(): { version: string; contractHash: string } {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  return { version: pkg.version ?? '0.0.0', contractHash: contractHash() };
}
