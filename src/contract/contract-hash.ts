import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiPath, requirementsPath, schemaFiles, schemasDir } from './contract-files.ts';

// A short fingerprint of every contract file, so a report says exactly which contract it checked.
export function contractHash(): string {
  const hash = createHash('sha256');
  const files = [openapiPath, requirementsPath, ...schemaFiles().map((f) => join(schemasDir, f))];
  for (const file of files) hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
