import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeWhole } from '../common/write-whole.ts';
import { repoRoot } from './contract-files.ts';

// What every process would otherwise derive from the contract again (parsed YAML, compiled validators)
// is kept here, each entry keyed by the bytes it was made from: an edit makes a new entry, never a
// stale answer. node_modules/.cache is where tools keep such things; deleting it costs one rebuild.
export const CONTRACT_CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'mde-conformance');

// Writes a cache entry so that no reader ever sees half of it. A directory that cannot be written
// (a read-only checkout) only loses the saving: the next process derives the entry again.
export function storeCacheEntry(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeWhole(file, text);
  } catch {
    // Not writable: nothing is lost but time.
  }
}
