import type { ErrorObject } from 'ajv/dist/2020.js';
import { schemaErrors } from '../schema-check.ts';

// What is wrong with a records file's structure, in the words of its members (`runErrors must be an
// array`, `tests[2].target names no target of the records`): a file edited or cut by hand must stop
// here, not as a TypeError deep in a reporter ("records.runErrors is not iterable").
export function recordsProblems(data: unknown): string[] {
  const errors = schemaErrors('records.schema.json', data);
  if (errors.length > 0) return [...new Set(errors.map(describe))];
  const { targets, tests } = data as { targets: object; tests: { target: string }[] };
  const known = Object.keys(targets);
  return tests.flatMap((test, i) =>
    known.includes(test.target)
      ? []
      : [`tests[${i}].target "${test.target}" is none of the targets (${known.join(', ')})`],
  );
}

const ARTICLE: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function describe(error: ErrorObject): string {
  const where = memberPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where ? `${where}.` : ''}${String(params.missingProperty)} is missing`;
    case 'type':
      return `${where || 'the file'} must be ${ARTICLE[String(params.type)] ?? String(params.type)}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'minProperties':
      return `${where} must name at least one target`;
    default:
      return `${where || 'the file'} ${error.message ?? error.keyword}`;
  }
}

// "/tests/0/target" as a reader of the JSON writes it: tests[0].target.
function memberPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
