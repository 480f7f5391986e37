import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { CONTRACT_CACHE_DIR, storeCacheEntry } from './contract-cache.ts';

// Loading Ajv's compiler (a hundred modules) and compiling the schemas costs every worker 0.2-0.3 s of
// CPU before its first validation. Ajv can write the compiled validators out as code ("standalone");
// kept in the contract cache, they load like any small module and validate exactly as Ajv would.
const FORMAT = 'validators/3';
const require = createRequire(import.meta.url);

export type Validators = ReadonlyMap<string, ValidateFunction>;

// What decides the code Ajv makes, all of it part of the cache key: the schemas (each by its $id,
// with its JSON text), Ajv's options and whether ajv-formats' formats are added.
export interface ValidatorSource {
  schemas: { id: string; text: string }[];
  options: Options;
  formats?: boolean;
}

// The compiled validator of each schema's $id and of each of its $defs entries (by `<$id>#/$defs/<name>`).
// `dir`: where the cache lives (tests use their own).
export function precompiledValidators(source: ValidatorSource, dir = CONTRACT_CACHE_DIR): Validators {
  const key = createHash('sha256').update(FORMAT).update(versionOf('ajv')).update(versionOf('ajv-formats'));
  key.update(JSON.stringify([source.options, source.formats === true]));
  for (const { id, text } of source.schemas) key.update(id).update(text);
  const file = join(dir, `validators.${key.digest('hex').slice(0, 24)}.cjs`);
  try {
    return load(readFileSync(file, 'utf8'));
  } catch {
    // No entry yet: compile, write the code, and use what was compiled.
  }
  const ajv = createAjv(source, true);
  for (const { id } of source.schemas) ajv.getSchema(id);
  const ids = [...source.schemas.map((s) => s.id), ...source.schemas.flatMap((s) => definitionRefs(ajv, s))];
  const { default: standaloneCode } = require('ajv/dist/standalone') as {
    default: (ajv: Ajv2020, refs: Record<string, string>) => string;
  };
  storeCacheEntry(file, standaloneCode(ajv, Object.fromEntries(ids.map((id) => [id, id]))));
  return new Map(ids.map((id) => [id, ajv.getSchema(id)!]));
}

// A schema's $defs entries are compiled too: the contract refers to some directly (a create request's
// body is `create-action-request.schema.json#/$defs/isolate`), and without them every process that
// checks such a body made Ajv after all. An entry that does not compile on its own (a fragment strict
// mode refuses alone) is left out: a reference to it is compiled at run time, as before.
function definitionRefs(ajv: Ajv2020, { id, text }: { id: string; text: string }): string[] {
  const defs = (JSON.parse(text) as { $defs?: Record<string, unknown> }).$defs ?? {};
  return Object.keys(defs)
    .map((name) => `${id}#/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .filter((ref) => {
      try {
        return ajv.getSchema(ref) !== undefined;
      } catch {
        return false;
      }
    });
}

// An Ajv holding the source's schemas, loaded only when called. `withSource` keeps the code of what it
// compiles, which the cache needs; it does not change how anything validates.
export function createAjv(source: ValidatorSource, withSource = false): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ ...source.options, ...(withSource ? { code: { source: true } } : {}) });
  if (source.formats) (require('ajv-formats') as (ajv: Ajv2020) => Ajv2020)(ajv);
  for (const { text } of source.schemas) ajv.addSchema(JSON.parse(text) as object);
  return ajv;
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
