import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { CONTRACT_CACHE_DIR, storeCacheEntry } from './contract-cache.ts';

// Every process of a run (the script, Playwright's runner, each worker, the emulator) reads the
// contract's YAML. Parsing it with cold code costs 0.1-0.2 s a process; reading the same data back as
// JSON costs a millisecond. The snapshot is keyed by the file's own bytes (and by whatever its check
// reads), so an edit can never be served from an older snapshot: it only makes a new one.
// Bumped when what a snapshot holds changes shape.
const FORMAT = 'yaml-snapshot/1';
const require = createRequire(import.meta.url);

export interface SnapshotOptions {
  // Throws when the parsed data is not acceptable; a snapshot is written only after it passed.
  check?: (data: unknown) => void;
  // Files the check reads (a JSON Schema): their bytes are part of the key.
  checkedWith?: readonly string[];
  // Where snapshots live; tests point it at a directory of their own.
  dir?: string;
}

export function readYamlSnapshot(path: string, options: SnapshotOptions = {}): unknown {
  const text = readFileSync(path, 'utf8');
  const key = createHash('sha256').update(FORMAT).update(text);
  for (const file of options.checkedWith ?? []) key.update(readFileSync(file));
  const dir = options.dir ?? CONTRACT_CACHE_DIR;
  const snapshot = join(dir, `${basename(path)}.${key.digest('hex').slice(0, 24)}.json`);
  try {
    return JSON.parse(readFileSync(snapshot, 'utf8')) as unknown;
  } catch {
    // No snapshot yet (or an unreadable one): parse, check and write it.
  }
  const data = parseYaml(text);
  options.check?.(data);
  storeCacheEntry(snapshot, JSON.stringify(data));
  return data;
}

// The YAML parser is loaded only when a snapshot is missing: most processes never need it.
export function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text) as unknown;
}
