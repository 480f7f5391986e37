import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openapiPath, requirementsPath, schemaFiles, schemasDir } from './contract-files.ts';

// A short fingerprint of every contract file, so a report says exactly which contract it checked.
export function contractHash(): string {
  const files = [openapiPath, requirementsPath, ...schemaFiles().map((f) => join(schemasDir, f))];
  return contractHashOf(files.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') })));
}

// The same contract gives the same hash on every checkout: a Windows one (backslash paths, and CRLF
// line ends where Git converts them) rebuilds reports of a Linux CI run (`npm run report --dir`).
export function contractHashOf(files: readonly { name: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const { name, text } of files) hash.update(name).update(text.replace(/\r\n/g, '\n'));
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
