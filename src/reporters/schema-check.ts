import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

// A small Ajv instance of the reporters' own, for the shapes the reporters write and read
// (compliance report, baseline files). The contract's schemas in schemas/ describe the API, not these.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const cache = new Map<string, ValidateFunction>();

function validator(file: string): ValidateFunction {
  let validate = cache.get(file);
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as object;
    validate = ajv.compile(schema);
    cache.set(file, validate);
  }
  return validate;
}

// The problems found, one line each; empty when the data is valid.
export function schemaProblems(file: string, data: unknown): string[] {
  const validate = validator(file);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}`;
}
