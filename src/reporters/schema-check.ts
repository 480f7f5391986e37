import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { precompiledValidators } from '../contract/index.ts';

// The reporters' own validators, for the shapes they write and read (compliance report, baseline
// files); the contract's schemas in schemas/ describe the API, not these. Compiled once into the
// contract cache like the contract's: Playwright's runner loads the reporters before any test runs,
// and Ajv's compiler would load with them.
const OPTIONS = { strict: true, strictRequired: false, allErrors: true };
const cache = new Map<string, ValidateFunction>();

function validator(file: string): ValidateFunction {
  let validate = cache.get(file);
  if (!validate) {
    const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    const id = (JSON.parse(text) as { $id: string }).$id;
    validate = precompiledValidators({ schemas: [{ id, text }], options: OPTIONS }).get(id)!;
    cache.set(file, validate);
  }
  return validate;
}

// The problems found, one line each; empty when the data is valid.
export function schemaProblems(file: string, data: unknown): string[] {
  return schemaErrors(file, data).map(describe);
}

// Ajv's errors, for a reader that words them for its own file (records-shape.ts).
export function schemaErrors(file: string, data: unknown): ErrorObject[] {
  const validate = validator(file);
  return validate(data) ? [] : (validate.errors ?? []);
}

// Ajv's enum message does not say which values it allows; a reader fixing a file needs them.
function describe(error: ErrorObject): string {
  const allowed =
    error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
  const values = allowed ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${values}`;
}
