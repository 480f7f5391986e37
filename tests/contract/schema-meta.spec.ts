import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readSchemaFile, schemaFiles } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// The processes of a run skip the meta-schema check when they load schemas/ (schema-registry.ts):
// it is made here, once, for every schema the contract carries.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function metaProblems(schema: object): string {
  const ajv = addFormats(new Ajv2020({ strict: true, allowUnionTypes: true }));
  return ajv.validateSchema(schema) ? '' : ajv.errorsText(ajv.errors);
}

for (const file of schemaFiles())
  test(`schemas/${file} is a valid JSON Schema 2020-12`, () => {
    expect(metaProblems(readSchemaFile(file))).toBe('');
  });

test('the meta-schema check rejects a schema with a misspelt type', () => {
  expect(metaProblems({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'strng' })).not.toBe(
    '',
  );
});
