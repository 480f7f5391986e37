import type { ErrorObject } from 'ajv/dist/2020.js';
import { schemaErrors } from '../schema-check.ts';

// What is wrong with a baseline file's shape (baseline.schema.json), in words that say what to write:
// Ajv's own read "/ must be array" for a file that is one mapping, and "must NOT have additional
// properties" without the member. Empty when the shape is right.
const MEMBERS = ['id', 'verdict', 'reason', 'link'];

export function baselineShapeProblems(data: unknown): string[] {
  if (!Array.isArray(data))
    return [
      'it must be a YAML list of known deviations, one "- id: ..." entry each with verdict and reason (see baselines/example-tenant.yaml)',
    ];
  return schemaErrors('baseline.schema.json', data).map(described);
}

function described(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (error.keyword === 'additionalProperties')
    return `${where} ${error.message} (${JSON.stringify(params.additionalProperty)}; it takes ${MEMBERS.join(', ')})`;
  const allowed = params.allowedValues?.map((v) => JSON.stringify(v)).join(', ');
  return `${where} ${error.message ?? error.keyword}${allowed ? `: ${allowed}` : ''}`;
}
