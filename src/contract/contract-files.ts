import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The contract is data in specs/ and schemas/ at the repository root; this module only finds it.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const specsDir = join(repoRoot, 'specs');
export const schemasDir = join(repoRoot, 'schemas');
export const openapiPath = join(specsDir, 'machine-actions.openapi.yaml');
export const requirementsPath = join(specsDir, 'requirements.yaml');

export function schemaFiles(): string[] {
  return readdirSync(schemasDir)
    .filter((name) => name.endsWith('.schema.json'))
    .sort();
}

export function readSchemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemasDir, name), 'utf8')) as Record<string, unknown>;
}
