import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { CONTRACT_CACHE_DIR, storeCacheEntry } from './contract-cache.ts';

// Loading Ajv's compiler (a hundred modules) and compiling the schemas costs every worker 0.2-0.3 s of
// CPU before its first validation. Ajv can write the compiled validators out as code ("standalone");
// kept in the contract cache, they load like any small module and validate exactly as Ajv would.
const FORMAT = 'validators/1';
const require = createRequire(import.meta.url);

export type Validators = ReadonlyMap<string, ValidateFunction>;

export interface ValidatorSource {
  // Every schema by its $id, with its file's text (the key of the cache entry).
  schemas: { id: string; text: string }[];
  // The Ajv that compiles them when the cache has no entry yet (made with code.source on).
  compiler: () => Ajv2020;
  // What else decides the code the compiler makes (its options): part of the key too.
  variant: string;
  dir?: string;
}

// The compiled validator of each schema's $id.
export function precompiledValidators(source: ValidatorSource): Validators {
  const key = createHash('sha256').update(FORMAT).update(versionOf('ajv')).update(versionOf('ajv-formats'));
  key.update(source.variant);
  for (const { id, text } of source.schemas) key.update(id).update(text);
  const file = join(source.dir ?? CONTRACT_CACHE_DIR, `validators.${key.digest('hex').slice(0, 24)}.cjs`);
  try {
    return load(readFileSync(file, 'utf8'));
  } catch {
    // No entry yet: compile, write the code, and use what was compiled.
  }
  const ajv = source.compiler();
  const ids = source.schemas.map((s) => s.id);
  for (const id of ids) ajv.getSchema(id);
  const { default: standaloneCode } = require('ajv/dist/standalone') as {
    default: (ajv: Ajv2020, refs: Record<string, string>) => string;
  };
  storeCacheEntry(file, standaloneCode(ajv, Object.fromEntries(ids.map((id) => [id, id]))));
  return new Map(ids.map((id) => [id, ajv.getSchema(id)!]));
}

// The code is evaluated the way Ajv evaluates what it compiles (new Function), with this module's
// require: what it requires (Ajv's runtime, ajv-formats) is found wherever the cache lives.
function load(code: string): Validators {
  const exported: Record<string, ValidateFunction> = {};
  new Function('require', 'exports', code)(require, exported);
  return new Map(Object.entries(exported));
}

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}
