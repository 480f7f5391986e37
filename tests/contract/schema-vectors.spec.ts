import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatViolations, getContract } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// Vectors use the JSON-Schema-Test-Suite shape so other tools can reuse them. File suffix says what
// is expected: .valid (all accepted), .invalid (all rejected), .mixed (each test carries `valid`).
interface Vector {
  description: string;
  data: unknown;
  valid?: boolean;
  rejectAt?: string;
  keyword?: string;
}
interface VectorFile {
  schema: string;
  tests: Vector[];
}

const dir = join(import.meta.dirname, 'vectors');
const contract = getContract();

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const vectors = JSON.parse(readFileSync(join(dir, file), 'utf8')) as VectorFile;
  const expectedByFile = file.includes('.valid.') ? true : file.includes('.invalid.') ? false : undefined;

  test.describe(`${vectors.schema} vectors (${file})`, () => {
    for (const vector of vectors.tests) {
      const valid = vector.valid ?? expectedByFile;
      if (valid === undefined) throw new Error(`${file}: "${vector.description}" needs "valid": true|false`);

      test(`${valid ? 'accepts' : 'rejects'} ${vector.description}`, () => {
        const result = contract.validateSchema(vectors.schema, vector.data);
        if (valid) {
          expect(result.valid, formatViolations(result.violations)).toBe(true);
          return;
        }
        expect(result.valid, 'the schema accepted a payload it must reject').toBe(false);
        // The rejection must be for the reason the vector names, not for some other defect.
        const matching = result.violations.filter(
          (v) => v.path === vector.rejectAt && (!vector.keyword || v.keyword === vector.keyword),
        );
        expect(
          matching,
          `expected a ${vector.keyword} violation at ${vector.rejectAt}; got:\n${formatViolations(result.violations)}`,
        ).not.toHaveLength(0);
      });
    }
  });
}
