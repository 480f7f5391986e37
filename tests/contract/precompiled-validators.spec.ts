import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { precompiledValidators } from '../../src/contract/precompiled-validators.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ID = 'https://example.test/when.schema.json';
const schema = (extra: object = {}) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: ID,
  type: 'object',
  required: ['at'],
  properties: { at: { type: 'string', format: 'date-time' }, ...extra },
});
const source = (dir: string, extra: object = {}) => {
  let compiles = 0;
  const text = JSON.stringify(schema(extra));
  return {
    get compiles() {
      return compiles;
    },
    dir,
    variant: 'allErrors',
    schemas: [{ id: ID, text }],
    compiler: () => {
      compiles++;
      const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true, code: { source: true } }));
      ajv.addSchema(JSON.parse(text));
      return ajv;
    },
  };
};

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'validators-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('validators compiled once are loaded from the cache and judge exactly as the compiled ones', () => {
  const first = source(dir);
  const compiled = precompiledValidators(first).get(ID)!;
  expect(first.compiles).toBe(1);
  const second = source(dir);
  const loaded = precompiledValidators(second).get(ID)!;
  expect(second.compiles).toBe(0);
  for (const data of [{ at: '2026-12-02T10:00:00Z' }, { at: 'yesterday' }, {}, { at: 5 }]) {
    expect(loaded(data)).toBe(compiled(data));
    expect(loaded.errors ?? null).toEqual(compiled.errors ?? null);
  }
  expect(loaded({ at: 'yesterday' })).toBe(false);
  expect(loaded.errors?.[0]).toMatchObject({ keyword: 'format', instancePath: '/at' });
});

test('an edited schema compiles anew instead of loading the older validators', () => {
  precompiledValidators(source(dir));
  const edited = source(dir, { note: { type: 'string' } });
  const validate = precompiledValidators(edited).get(ID)!;
  expect(edited.compiles).toBe(1);
  expect(validate({ at: '2026-12-02T10:00:00Z', note: 1 })).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.cjs'))).toHaveLength(2);
});

test('a cache that cannot be written still gives working validators', () => {
  const unwritable = source(join(dir, 'missing', '\0'));
  expect(precompiledValidators(unwritable).get(ID)!({ at: 'now' })).toBe(false);
});
