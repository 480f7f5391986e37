import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemaFiles, schemasDir } from './contract-files.ts';
import {
  createAjv,
  precompiledValidators,
  type ValidatorSource,
  type Validators,
} from './precompiled-validators.ts';

const SCHEMA_BASE = 'https://mde-conformance.example/schemas/';

export interface ContractViolation {
  // JSON pointer into the validated value ('' is the value itself).
  path: string;
  // The JSON Schema keyword that failed (required, enum, format, ...).
  keyword: string;
  expected: string;
  got: string;
}

export interface ValidationResult {
  valid: boolean;
  violations: ContractViolation[];
}

// Validators come compiled from the contract cache (precompiled-validators.ts), each schema and each
// of its $defs entries; Ajv itself is made only for a reference deeper than that or when the cache is
// being filled. Neither happens on import: Playwright's runner imports the contract to list the tests
// and never validates anything.
// The schemas are checked against their meta-schema once, by tests/contract/schema-meta.spec.ts, not
// again in every process (strict mode still rejects unknown keywords when a schema compiles).
let precompiled: Validators | undefined;
let fallback: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

let source: ValidatorSource | undefined;
function schemas(): ValidatorSource {
  source ??= {
    schemas: schemaFiles().map((file) => {
      const text = readFileSync(join(schemasDir, file), 'utf8');
      return { id: (JSON.parse(text) as { $id: string }).$id, text };
    }),
    options: { strict: true, allErrors: true, allowUnionTypes: true, validateSchema: false },
    formats: true,
  };
  return source;
}

// One Ajv for the process (ajv's own advice), for what the cache does not hold.
function ajv(): Ajv2020 {
  fallback ??= createAjv(schemas());
  return fallback;
}

function precompiledValidator(id: string): ValidateFunction | undefined {
  precompiled ??= precompiledValidators(schemas());
  return precompiled.get(id);
}

function schemaId(fileAndPointer: string): string {
  return fileAndPointer.startsWith('http') ? fileAndPointer : SCHEMA_BASE + fileAndPointer;
}

function validatorFor(ref: string): ValidateFunction {
  const id = schemaId(ref);
  let validate = compiled.get(id) ?? precompiledValidator(id);
  if (!validate) {
    const found = ajv().getSchema(id);
    if (!found) throw new Error(`Schema "${ref}" is not in schemas/: check the $ref or the file's $id.`);
    validate = found;
  }
  compiled.set(id, validate);
  return validate;
}

export function validateAgainst(ref: string, data: unknown): ValidationResult {
  const validate = validatorFor(ref);
  if (validate(data)) return { valid: true, violations: [] };
  return { valid: false, violations: (validate.errors ?? []).map((e) => toViolation(e, data)) };
}

export function hasSchema(ref: string): boolean {
  const id = schemaId(ref);
  return precompiledValidator(id) !== undefined || ajv().getSchema(id) !== undefined;
}

function toViolation(error: ErrorObject, root: unknown): ContractViolation {
  const got = valueAt(root, error.instancePath);
  return {
    path: error.instancePath || '/',
    keyword: error.keyword,
    expected: expectation(error),
    got: otherCase(error, got) ?? preview(got),
  };
}

// A required member spelt in another case (`creationdatetimeutc`): its name says what to fix, where the
// object's preview did not (and a report's cut line kept neither name).
function otherCase(error: ErrorObject, got: unknown): string | undefined {
  if (error.keyword !== 'required' || got === null || typeof got !== 'object') return undefined;
  const wanted = String((error.params as Record<string, unknown>).missingProperty).toLowerCase();
  const found = Object.keys(got).find((key) => key.toLowerCase() === wanted);
  return found === undefined ? undefined : `${memberName(found)} (the same name in another case)`;
}

function expectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `property "${String(p.missingProperty)}" to be present`;
    // Name the member to remove or respell; a key that is no name (it could be pasted text) by its length.
    case 'additionalProperties':
      return `no member ${memberName(String(p.additionalProperty))} (the schema names none such)`;
    case 'enum':
      return `one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `exactly ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `type ${String(p.type)}`;
    case 'format':
      return `a ${String(p.format)} string`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'pattern':
      return `a string matching ${String(p.pattern)}`;
    // Ajv's params do not say what was ruled out; the value itself is shown beside this.
    case 'not':
      return 'another value (the schema rules this one out)';
    default:
      return `${error.keyword} ${error.message ?? ''}`.trim();
  }
}

function memberName(key: string): string {
  return /^[A-Za-z@$_][\w.@$-]{0,39}$/.test(key)
    ? `"${key}"`
    : `named by a string of ${key.length} character(s)`;
}

export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatViolations(violations: ContractViolation[]): string {
  return violations.map((v) => `${v.path}: expected ${v.expected}, got ${v.got}`).join('\n');
}
